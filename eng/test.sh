#!/usr/bin/env bash
# Runs every test suite: the .NET solution, then each eng/ci.d/*.sh suite (editors, VS Code client, packaging).
# Each extra suite receives a results folder and writes <name>.counts with "passed failed skipped".
# Ends with the plain line "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results/trx"
status=0

ci_props=()
if [ "${CI:-}" = "true" ]; then ci_props=(-p:ContinuousIntegrationBuild=true); fi

if ! dotnet build DevOpsLens.sln -nologo -v:q "${ci_props[@]}"; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test DevOpsLens.sln --no-build -nologo -v:q --logger "trx" --results-directory "$results/trx" || status=1

passed=0; failed=0; skipped=0
for trx in "$results"/trx/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

for suite in eng/ci.d/*.sh; do
  [ -f "$suite" ] || continue
  name=$(basename "$suite" .sh)
  echo "== suite $name"
  if ! bash "$suite" "$results"; then status=1; fi
  if [ -f "$results/$name.counts" ]; then
    read -r p f s < "$results/$name.counts"
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  else
    echo "suite $name wrote no counts"
    failed=$((failed + 1))
  fi
done

if [ "$failed" -gt 0 ]; then status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
