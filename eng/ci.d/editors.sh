#!/usr/bin/env bash
# End-to-end: real LSP clients against `devopslens lsp`. Neovim 0.7 (headless) and Emacs 28 + eglot (batch)
# open a YAML manifest and a C# file with a planted GitHub token, and an .editorconfig naming an unknown rule;
# each (client, file) pair whose expected rule id arrives counts as one passed test.
# Usage: eng/ci.d/editors.sh RESULTS_DIR   (writes RESULTS_DIR/editors.counts: "passed failed skipped")
set -uo pipefail
results="${1:?results dir}"
mkdir -p "$results"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
probes="$root/tests/DevOpsLens.Server.Tests/Editors"
passed=0; failed=0

missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
dpkg -s elpa-eglot >/dev/null 2>&1 || missing+=(elpa-eglot)
if [ ${#missing[@]} -gt 0 ]; then
  echo "editors: installing ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! dotnet build "$root/cli/DevOpsLens.Cli/DevOpsLens.Cli.csproj" -nologo -v:q >/dev/null; then
  echo "editors: the CLI does not build"
  echo "0 1 0" > "$results/editors.counts"
  exit 1
fi
export DEVOPSLENS_DLL="$root/artifacts/bin/DevOpsLens.Cli/debug/devopslens.dll"
export DOTNET="$(command -v dotnet)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fixture="$work/repo"
mkdir -p "$fixture"
node "$probes/make-fixture.js" "$fixture"
export PROBE_ROOT="$fixture"
export PROBE_FILES="deploy.yaml,src/Service/GitHubClientFactory.cs,.editorconfig"
expect() { # file -> rule id that must arrive
  case "$1" in
    deploy.yaml|src/Service/GitHubClientFactory.cs) echo DL1001 ;;
    .editorconfig) echo DL9002 ;;
  esac
}

run_client() { # name, command...
  local name="$1"; shift
  local out="$work/$name.json"
  PROBE_OUT="$out" timeout 150 "$@" >"$work/$name.log" 2>&1
  if [ ! -s "$out" ]; then
    echo "editors: $name produced no results"; tail -20 "$work/$name.log"
    failed=$((failed + 3)); return
  fi
  cp "$out" "$results/editors-$name.json"
  local file want
  for file in ${PROBE_FILES//,/ }; do
    want="$(expect "$file")"
    if node -e 'const r=require(process.argv[1]); process.exit((r[process.argv[2]]||[]).includes(process.argv[3])?0:1)' "$out" "$file" "$want"; then
      echo "editors: $name $file $want ok"; passed=$((passed + 1))
    else
      echo "editors: $name $file expected $want, got $(node -e 'const r=require(process.argv[1]); console.log(JSON.stringify(r[process.argv[2]]||[]))' "$out" "$file")"
      failed=$((failed + 1))
    fi
  done
}

run_client neovim nvim --headless --clean -u "$probes/nvim-probe.lua"
run_client eglot emacs --batch -q -l "$probes/eglot-probe.el"

echo "$passed $failed 0" > "$results/editors.counts"
echo "editors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
