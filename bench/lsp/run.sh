#!/usr/bin/env bash
# Language-server benchmark against the tool as it ships: publishes the CLI (Release, ReadyToRun for this platform,
# the same runtime settings as the tool package) to bench/out/lsp/cli and runs bench/lsp with `devopslens lsp` in
# its own process. Extra arguments go to the bench. Results print as a Markdown table.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out/lsp"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish "$root/cli/DevOpsLens.Cli" -c Release -o "$out/cli" -p:UseAppHost=false -v:q -nologo > "$out/publish.log" || { cat "$out/publish.log"; exit 1; }
dotnet build "$here" -c Release -v:q -nologo > "$out/build.log" || { cat "$out/build.log"; exit 1; }
dotnet run -c Release --no-build --project "$here" -- --server "$out/cli/devopslens.dll" "$@"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
