#!/usr/bin/env bash
# Secrets come from a vault or the environment at run time.
set -euo pipefail
export API_TOKEN="$(vault kv get -field=token secret/ci/api)"
REGISTRY_PASSWORD=${REGISTRY_PASSWORD:?must be set}
DB_PASSWORD=$DB_PASSWORD_FROM_CI
read -rs -p "Password: " ADMIN_PASSWORD
