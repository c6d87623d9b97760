#!/usr/bin/env bash
set -euo pipefail
# Never pipe downloads into a shell: fetch, verify, run.
curl -fsSL -o /tmp/dotnet-install.sh https://dot.net/v1/dotnet-install.sh
echo "${DOTNET_INSTALL_SHA256}  /tmp/dotnet-install.sh" | sha256sum -c -
bash /tmp/dotnet-install.sh --channel 9.0
