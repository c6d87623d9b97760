#!/usr/bin/env bash
# Builds a generated 1,200-file C# library three ways — no analyzers, DevOpsLens (the packed nupkg), SonarAnalyzer.CSharp
# with only S2068 and S6418 — with -p:ReportAnalyzer=true, then scores findings against the planted truth.
# Usage: bench/analyzers/run.sh [files] ; writes bench/analyzers/results.json and prints a Markdown table.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
files="${1:-1200}"
work="$(mktemp -d /tmp/devopslens-bench-XXXX)"
trap 'rm -rf "$work"' EXIT
sonar_version="10.36.0.15337"

python3 "$here/generate.py" "$work/gen" "$files"
dotnet pack "$repo/analyzers/DevOpsLens.Analyzers.Package" -o "$work/feed" -p:Version=0.0.0-bench --disable-build-servers -nologo -v:q >/dev/null

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
</configuration>
XML

make_project() { # name, package reference line, globalconfig text
  local dir="$work/$1"
  mkdir -p "$dir"
  cp -r "$work/gen/src" "$dir/src"
  cat > "$dir/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NoWarn>\$(NoWarn);CS1998;CS0414;CS0169</NoWarn>
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
  </PropertyGroup>
  <ItemGroup>$2</ItemGroup>
</Project>
XML
  printf '%s' "$3" > "$dir/.globalconfig"
}

make_project none "" "is_global = true"
make_project devopslens '<PackageReference Include="DevOpsLens.Analyzers" Version="0.0.0-bench" />' "is_global = true"
make_project sonar "<PackageReference Include=\"SonarAnalyzer.CSharp\" Version=\"$sonar_version\" PrivateAssets=\"all\" />" \
"is_global = true
dotnet_analyzer_diagnostic.severity = none
dotnet_diagnostic.S2068.severity = warning
dotnet_diagnostic.S6418.severity = warning"

for name in none devopslens sonar; do
  (cd "$work/$name" && dotnet restore --disable-build-servers -nologo -v:q >/dev/null)
  start=$(date +%s.%N)
  (cd "$work/$name" && dotnet build --no-restore --no-incremental --disable-build-servers -nologo -v:d -p:ReportAnalyzer=true > "$work/$name.log" 2>&1) || true
  end=$(date +%s.%N)
  echo "$name $(echo "$end - $start" | bc)" >> "$work/wall.txt"
done

python3 "$here/score.py" "$work" > "$here/results.json"
# Keep each build's per-analyzer breakdown (the rest of the detailed logs is large and not needed).
for name in devopslens sonar; do
  echo "== $name"
  grep -A25 "Total analyzer execution time" "$work/$name.log" | grep -E "^\s+([0-9.]+\s+[0-9<]+\s+|Total analyzer)" | head -25
done > "$here/analyzer-times.txt"
cat "$here/results.json"
