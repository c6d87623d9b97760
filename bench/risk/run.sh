#!/usr/bin/env bash
# Generates a synthetic 5,000-commit repository and measures mining, SZZ, training and warm scoring.
# Usage: bench/risk/run.sh [commits] [folder] [--reuse]   (figures go to stdout; copy them into RESULTS.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet build "$root/bench/risk" -c Release -v quiet -nologo
dotnet "$root/artifacts/bin/RiskBench/release/RiskBench.dll" "${1:-5000}" "${2:-${TMPDIR:-/tmp}/devopslens-risk-bench}" "${@:3}"
