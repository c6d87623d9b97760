#!/usr/bin/env bash
# The SA password is written into the command; the quote around the whole -e assignment is not part of it.
docker run -e "ACCEPT_EULA=Y" -e "MSSQL_SA_PASSWORD=[|Kq7!mZ2xLp9w|]" -p 1433:1433 -d mcr.microsoft.com/mssql/server:2022-latest
