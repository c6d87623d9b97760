// Writes the end-to-end fixture: a YAML manifest and a C# file, each with a planted GitHub token, and an
// .editorconfig naming an unknown rule. The token is generated here with a valid checksum (real detectors
// reject hand-made fakes), so no token-shaped literal lives in the repository. Usage: node make-fixture.js DIR
'use strict';
const fs = require('fs');
const path = require('path');

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function crc32(text) {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'ascii')) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function token(seed) {
  let body = '';
  let x = seed;
  for (let i = 0; i < 30; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    body += base62[x % 62];
  }
  let crc = crc32(body);
  let check = '';
  for (let i = 0; i < 6; i++) {
    check = base62[crc % 62] + check;
    crc = Math.floor(crc / 62);
  }
  return 'gh' + 'p_' + body + check;
}

const dir = process.argv[2];
const write = (rel, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
write('.editorconfig', 'root = true\n\n[*]\ndotnet_diagnostic.DL0000.severity = error\n');
write('deploy.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci\nstringData:\n  token: ' + token(7) + '\n');
write('src/Service/Service.csproj', '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n');
write('src/Service/GitHubClientFactory.cs',
  'namespace Service;\n\ninternal static class GitHubClientFactory\n{\n    private const string Token = "' + token(11) + '";\n\n    public static string Authorization() => "token " + Token;\n}\n');
