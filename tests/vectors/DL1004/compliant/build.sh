#!/usr/bin/env bash
# Credentials come from the environment; documented URL shapes use obvious fill-ins.
git clone "https://${GIT_USER}:${GIT_TOKEN}@git.contoso.internal/platform/infra.git"
git clone https://$(GIT_USER):$(GIT_PAT)@dev.azure.com/contoso/infra/_git/infra
echo "format: https://user:password@host/path"
curl http://localhost:5000/health
git remote add upstream git@github.com:contoso/infra.git
curl https://deploy@packages.contoso.internal/simple/
