#!/usr/bin/env bash
# Secrets assigned in a deploy script are visible in the repository and in process listings.
set -euo pipefail
export REGISTRY_PASSWORD="[|BUrg3amRvf%Qdtmw|]"
CLIENT_SECRET='[|wyGpGW6ibIaeO0fS7Qjx94c2aBVwpRb8Ji|]'
./deploy --client-secret "$CLIENT_SECRET"
