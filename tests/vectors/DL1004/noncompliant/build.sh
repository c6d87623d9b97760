#!/usr/bin/env bash
# Credentials in clone and proxy URLs end up in shell history, CI logs and .git/config.
git clone https://ci-bot:[|xw4otnhiTZ#vR2N6|]@git.contoso.internal/platform/infra.git
export HTTPS_PROXY=http://proxyuser:[|clWiiKFFQ5%LCyvz|]@proxy.contoso.internal:3128
curl -fsSL ftp://backup:[|35xTxsDSkk&XwBTD|]@files.contoso.internal/nightly.tar.gz -o nightly.tar.gz
