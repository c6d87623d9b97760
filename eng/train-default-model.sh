#!/usr/bin/env bash
# Retrains the embedded default risk model on the public JIT data (../shared/data/jit, LApredict CSVs).
# The learner is chosen by time-ordered validation; the result is committed as an EmbeddedResource of
# engine/DevOpsLens.History and used when a repository has no model of its own.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/jit}"
out="$root/engine/DevOpsLens.History/Model/default-risk-model.zip"
dotnet build "$root/cli/DevOpsLens.Cli" -c Release -v quiet -nologo >/dev/null
dotnet "$root/artifacts/bin/DevOpsLens.Cli/release/devopslens.dll" train --jit-data "$data" --output "$out"
