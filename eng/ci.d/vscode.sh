#!/usr/bin/env bash
# End-to-end in real VS Code: code-server 4.100.3 driven by headless Debian chromium (playwright-core).
# Installs the DevOpsLens .vsix as a user gets it (the server published inside it, no serverPath setting),
# opens a folder with a planted token, and checks that (1) the extension installed, (2) the squiggle appears,
# (3) the Problems panel lists DL1001, (4) the closed C# file found by the workspace scan is listed too,
# (5) the server that answered is the one bundled in the installed extension; saves a screenshot under
# artifacts/vscode-e2e/. Usage: eng/ci.d/vscode.sh RESULTS_DIR (writes RESULTS_DIR/vscode.counts).
set -uo pipefail
results="${1:?results dir}"
mkdir -p "$results"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
host="$root/artifacts/code-server"
shots="$root/artifacts/vscode-e2e"
mkdir -p "$host" "$shots"
passed=0; failed=0
finish() { echo "$passed $failed 0" > "$results/vscode.counts"; echo "vscode: $passed passed, $failed failed"; }
fail_all() { echo "vscode: $1"; failed=$((failed + 5 - passed)); finish; exit 1; }

need=()
for p in libkrb5-dev ripgrep chromium; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || fail_all "apt-get install ${need[*]} failed"
fi

# code-server's install scripts fail here; the recipe from shared/ENVIRONMENT.md, once per checkout.
cs="$host/node_modules/code-server"
if [ ! -f "$host/.ready" ]; then
  (
    set -e
    cd "$host"
    [ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
    npm install --no-audit --no-fund --ignore-scripts code-server@4.100.3 playwright-core >/dev/null
    npm rebuild argon2 >/dev/null
    cd "$cs/lib/vscode"
    npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
    mkdir -p node_modules/@vscode/ripgrep/bin
    ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
    npm_config_yes=true npm rebuild >/dev/null 2>&1
    ln -sfn node_modules node_modules.asar
    cd extensions
    npm install --omit=dev --no-audit --no-fund >/dev/null
  ) || fail_all "code-server install failed"
  touch "$host/.ready"
fi

vsix="$(bash "$root/clients/vscode/scripts/package.sh" | tail -1)"
[ -f "$vsix" ] || fail_all "no .vsix was built"

work="$(mktemp -d)"
pgid=""
cleanup() { if [ -n "$pgid" ]; then kill -- "-$pgid" 2>/dev/null; fi; rm -rf "$work"; }
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
data="$work/user-data"; exts="$work/extensions"
mkdir -p "$data/User" "$exts"
cat > "$data/User/settings.json" <<JSON
{
  "devopslens.trace.server": "messages",
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none"
}
JSON
csbin="$cs/out/node/entry.js"
if node "$csbin" --user-data-dir "$data" --extensions-dir "$exts" --install-extension "$vsix" >"$work/install.log" 2>&1 \
   && node "$csbin" --user-data-dir "$data" --extensions-dir "$exts" --list-extensions 2>/dev/null | grep -qi '^devopslens.devopslens'; then
  echo "vscode: extension installed ok"; passed=$((passed + 1))
else
  cat "$work/install.log"; fail_all "the extension did not install"
fi

fixture="$work/repo"
mkdir -p "$fixture"
node "$root/tests/DevOpsLens.Server.Tests/Editors/make-fixture.js" "$fixture"
port=$((20000 + RANDOM % 20000))
setsid node "$csbin" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --user-data-dir "$data" --extensions-dir "$exts" "$fixture" >"$work/code-server.log" 2>&1 &
pgid=$!
for _ in $(seq 1 60); do
  node -e 'require("http").get(process.argv[1], r => process.exit(r.statusCode === 200 ? 0 : 1)).on("error", () => process.exit(1))' "http://127.0.0.1:$port/healthz" && break
  sleep 1
done

shot="$shots/problems.png"
probe="$(PLAYWRIGHT_CORE="$host/node_modules/playwright-core" timeout 240 node "$root/clients/vscode/e2e/probe.js" \
  "http://127.0.0.1:$port/?folder=$fixture" deploy.yaml "$shot" "$work/chromium" GitHubClientFactory.cs | tail -1)"
echo "vscode: probe: $probe"
cp "$work/code-server.log" "$shots/code-server.log" 2>/dev/null
rm -rf "$shots/logs"; cp -r "$data/logs" "$shots/logs" 2>/dev/null
if node -e 'process.exit(JSON.parse(process.argv[1]).squiggle ? 0 : 1)' "$probe" 2>/dev/null; then
  echo "vscode: squiggle ok"; passed=$((passed + 1))
else
  echo "vscode: no squiggle"; failed=$((failed + 1))
fi
if node -e 'process.exit(JSON.parse(process.argv[1]).problems.some(p => p.includes("DL1001")) ? 0 : 1)' "$probe" 2>/dev/null; then
  echo "vscode: Problems panel lists DL1001 ok"; passed=$((passed + 1))
else
  echo "vscode: DL1001 missing from the Problems panel"; failed=$((failed + 1))
fi
if node -e 'process.exit(JSON.parse(process.argv[1]).problems.some(p => p.includes("GitHubClientFactory.cs")) ? 0 : 1)' "$probe" 2>/dev/null; then
  echo "vscode: closed C# file from the workspace scan listed ok"; passed=$((passed + 1))
else
  echo "vscode: the closed C# file is missing from the Problems panel"; failed=$((failed + 1))
fi
if grep -rhs "DevOpsLens server: " "$data/logs" | grep -q "$exts/devopslens.devopslens-[^/]*/server/devopslens.dll"; then
  echo "vscode: the bundled server answered ok"; passed=$((passed + 1))
else
  echo "vscode: the bundled server was not the one started:"; grep -rhs "DevOpsLens server: " "$data/logs"; failed=$((failed + 1))
fi
[ -f "$shot" ] && echo "vscode: screenshot $shot"
finish
[ "$failed" -eq 0 ]
