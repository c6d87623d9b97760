#!/usr/bin/env bash
# A percent-encoded password is still a password, and a sample password on a real server is a real one.
rsync -a "rsync://mirror:[|Vq7%40Lm2xR9%23tK4|]@mirror.contoso.internal/releases/" ./releases/
curl -fsSL "https://builder:[|P@ssw0rd1|]@nexus.contoso.internal/repository/raw/tools.tar.gz" -o tools.tar.gz
curl -fsSL "https://deploy:[|t7Qz|]@artifacts.contoso.internal/builds/latest.tar.gz" -o latest.tar.gz
