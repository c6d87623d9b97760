#!/usr/bin/env bash
# A percent-encoded password is still a password: it is decoded before it is judged.
rsync -a "rsync://mirror:[|Vq7%40Lm2xR9%23tK4|]@mirror.contoso.internal/releases/" ./releases/
curl -fsSL "https://deploy:[|t7Qz|]@artifacts.contoso.internal/builds/latest.tar.gz" -o latest.tar.gz
