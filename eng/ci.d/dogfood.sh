#!/usr/bin/env bash
# Dogfood: DevOpsLens checks its own repository and must find no error or warning. The sample service, the test
# vectors, the benchmark corpora generators and the rule pages' noncompliant examples hold problems on purpose.
set -uo pipefail
results="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
cli="artifacts/bin/DevOpsLens.Cli/debug/devopslens.dll"
[ -f "$cli" ] || dotnet build cli/DevOpsLens.Cli -nologo -v:q
if dotnet "$cli" check . --no-progress --fail-on warning \
    --exclude 'samples/**' --exclude 'tests/vectors/**' --exclude 'bench/**' --exclude 'docs/rules/**' \
    --format markdown --output artifacts/dogfood.md; then
  echo "dogfood: clean"
  echo "1 0 0" > "$results/dogfood.counts"
else
  echo "dogfood: DevOpsLens reports problems in its own code:"
  cat artifacts/dogfood.md
  echo "0 1 0" > "$results/dogfood.counts"
  exit 1
fi
