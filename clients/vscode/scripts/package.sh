#!/usr/bin/env bash
# Builds the DevOpsLens .vsix offline with @vscode/vsce.
#   scripts/package.sh              compile, publish the server into server/ (framework-dependent: needs the
#                                   .NET 10 runtime on the user's machine), package
#   scripts/package.sh --no-server  package without a server: users set devopslens.serverPath or install the
#                                   dotnet tool (devopslens on the PATH)
# Output: artifacts/vscode/devopslens-<version>.vsix (path printed on the last line).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
bundle=1
if [ "${1:-}" = "--no-server" ]; then bundle=0; fi

cd "$here"
if [ ! -d node_modules/vscode-languageclient ] || [ ! -x node_modules/.bin/vsce ]; then
  npm ci --no-audit --no-fund --ignore-scripts >/dev/null
fi
npm run --silent compile

rm -rf server
if [ "$bundle" = 1 ]; then
  dotnet publish "$repo/cli/DevOpsLens.Cli/DevOpsLens.Cli.csproj" -c Release -o server -nologo -v:q -p:UseAppHost=false >/dev/null
fi

version="$(node -p 'require("./package.json").version')"
out="$repo/artifacts/vscode/devopslens-$version.vsix"
mkdir -p "$(dirname "$out")"
node_modules/.bin/vsce package --out "$out" --skip-license >/dev/null
echo "$out"
