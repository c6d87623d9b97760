#!/usr/bin/env bash
# Local SQL Server with Microsoft's documented sample password, and a token name standing in for its value.
export AS_TOKEN=AS+API+TOKEN
docker run -e "ACCEPT_EULA=Y" -e "MSSQL_SA_PASSWORD=YourStrong!Passw0rd" -p 1433:1433 -d mcr.microsoft.com/mssql/server:2022-latest
