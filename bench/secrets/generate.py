#!/usr/bin/env python3
"""Writes the secrets benchmark corpus: ~2,000 files / ~20 MB of mixed repository content with planted FAKE secrets
of many providers and decoys that look like secrets but are not, plus ground-truth.json.

Usage: generate.py OUT_DIR [--seed N]
Deterministic for a given seed. Ground truth rows: {"file", "line" (1-based), "provider", "is_secret"}.
A tool's finding counts for a row when it reports the same file and line.
"""
import argparse
import base64
import json
import os
import random
import string

from fakes import Fakes, ALNUM, B64, HEX

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=20261122)
parser.add_argument("--truth", help="ground-truth file (default: ground-truth.json beside OUT_DIR)")
args = parser.parse_args()

R = random.Random(args.seed)
F = Fakes(args.seed)
truth = []

WORDS = ("order customer invoice payment shipment catalog product inventory account session report metric event "
         "queue worker handler service client request response cache store repository config option builder "
         "factory provider context record entry item batch job schedule tenant region cluster node pod").split()


def ident(parts=2, style="camel"):
    ws = [R.choice(WORDS) for _ in range(parts)]
    if style == "camel":
        return ws[0] + "".join(w.capitalize() for w in ws[1:])
    if style == "pascal":
        return "".join(w.capitalize() for w in ws)
    if style == "snake":
        return "_".join(ws)
    if style == "upper":
        return "_".join(ws).upper()
    return "-".join(ws)


def uuid():
    h = F.hex(32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# ---------------------------------------------------------------- planted secrets: (provider, value factory)
SECRETS = [
    ("aws-access-key-id", "AWS_ACCESS_KEY_ID", F.aws_key_id),
    ("github-pat", "GITHUB_TOKEN", F.github),
    ("github-fine-grained-pat", "GH_PAT", F.github_fine_grained),
    ("gitlab-pat", "GITLAB_TOKEN", F.gitlab),
    ("slack-bot-token", "SLACK_BOT_TOKEN", F.slack_bot),
    ("slack-webhook", "SLACK_WEBHOOK_URL", F.slack_webhook),
    ("stripe-secret-key", "STRIPE_SECRET_KEY", F.stripe),
    ("sendgrid-api-key", "SENDGRID_API_KEY", F.sendgrid),
    ("npm-token", "NPM_TOKEN", F.npm),
    ("pypi-token", "PYPI_TOKEN", F.pypi),
    ("dockerhub-pat", "DOCKERHUB_TOKEN", F.dockerhub),
    ("openai-api-key", "OPENAI_API_KEY", F.openai),
    ("anthropic-api-key", "ANTHROPIC_API_KEY", F.anthropic),
    ("huggingface-token", "HF_TOKEN", F.huggingface),
    ("gcp-api-key", "GOOGLE_API_KEY", F.gcp_api_key),
    ("azure-entra-client-secret", "AZURE_CLIENT_SECRET", F.entra_secret),
    ("databricks-token", "DATABRICKS_TOKEN", F.databricks),
    ("vault-service-token", "VAULT_TOKEN", F.vault),
    ("shopify-access-token", "SHOPIFY_ACCESS_TOKEN", F.shopify),
    ("newrelic-user-key", "NEW_RELIC_API_KEY", F.newrelic_user),
    ("sentry-user-token", "SENTRY_AUTH_TOKEN", F.sentry_user),
    ("telegram-bot-token", "TELEGRAM_BOT_TOKEN", F.telegram),
    ("discord-webhook", "DISCORD_WEBHOOK_URL", F.discord_webhook),
    ("jwt", "SERVICE_JWT", F.jwt),
    ("nuget-api-key", "NUGET_API_KEY", F.nuget),
    ("twilio-api-key", "TWILIO_API_KEY", F.twilio_api_key),
    ("generic-password", "DB_PASSWORD", F.password),
    ("generic-api-key", "PAYMENTS_API_SECRET", lambda: F.alnum(32)),
    ("sqlserver-connection-string", "ORDERS_DB", lambda: f"Server=tcp:sql{R.randint(1, 99)}.database.windows.net;Initial Catalog=orders;User ID=app;Password={F.password()};Encrypt=True;"),
    ("postgres-url", "DATABASE_URL", lambda: f"postgres://app:{F.alnum(16)}@db{R.randint(1, 99)}.internal:5432/orders"),
    ("mongodb-url", "MONGO_URL", lambda: f"mongodb+srv://reporting:{F.alnum(16)}@cluster{R.randint(0, 9)}.mongodb.net/reports"),
    ("azure-storage-connection-string", "STORAGE_CONNECTION", lambda: f"DefaultEndpointsProtocol=https;AccountName=acct{R.randint(1, 999)};AccountKey={F.azure_storage_key()};EndpointSuffix=core.windows.net"),
    ("azure-servicebus-connection-string", "SERVICEBUS_CONNECTION", lambda: f"Endpoint=sb://bus{R.randint(1, 99)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={F.azure_sb_key()}"),
    ("url-credentials", "PACKAGE_FEED", lambda: f"https://build:{F.alnum(18)}@pkgs{R.randint(1, 99)}.contoso.internal/simple/"),
]

# Decoys: look like secrets, are not (documented examples, placeholders, references, public or test-mode keys).
DECOYS = [
    ("aws-example-key", "AWS_ACCESS_KEY_ID", lambda: "AKIAIOSFODNN7EXAMPLE"),
    ("aws-example-secret", "AWS_SECRET_ACCESS_KEY", lambda: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("github-bad-checksum", "GITHUB_TOKEN", F.github_bad_checksum),
    ("stripe-test-key", "STRIPE_SECRET_KEY", lambda: F.stripe("sk_test_")),
    ("stripe-publishable-key", "STRIPE_PUBLISHABLE_KEY", lambda: F.stripe("pk_live_")),
    ("placeholder-angle", "API_KEY", lambda: "<your-api-key>"),
    ("placeholder-changeme", "DB_PASSWORD", lambda: "changeme"),
    ("placeholder-env", "API_TOKEN", lambda: "${API_TOKEN}"),
    ("placeholder-mask", "CLIENT_SECRET", lambda: "x" * 32),
    ("placeholder-your", "SENDGRID_API_KEY", lambda: "your_sendgrid_api_key_here"),
    ("keyvault-reference", "DB_PASSWORD", lambda: "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/Db/)"),
    ("jwt-io-sample", "SAMPLE_JWT", lambda: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
    ("storage-emulator", "STORAGE_CONNECTION", lambda: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"),
    ("url-placeholder", "PACKAGE_FEED", lambda: "https://user:password@host/simple/"),
    ("uuid-client-id", "CLIENT_ID", uuid),
    ("sha256-digest", "IMAGE_DIGEST", lambda: "sha256:" + F.hex(64)),
    ("commit-sha", "BUILD_COMMIT", lambda: F.hex(40)),
    ("token-url", "TOKEN_URL", lambda: "https://login.contoso.com/oauth2/v2.0/token"),
    ("password-length", "PASSWORD_MIN_LENGTH", lambda: "12"),
    ("test-password", "TEST_PASSWORD", lambda: "test-password"),
]


def assign(kind, name, value):
    """One line assigning value to name in the file kind's syntax."""
    camel = "".join(p.capitalize() for p in name.lower().split("_"))
    if kind == "json":
        return f'  "{camel}": {json.dumps(value)},'
    if kind == "yaml":
        return f"  {name.lower()}: {json.dumps(value) if any(c in value for c in ':#{}') else value}"
    if kind == "env":
        return f"{name}={value}"
    if kind == "sh":
        return f'export {name}="{value}"'
    if kind == "ps1":
        return f'$env:{name} = "{value}"'
    if kind == "cs":
        return f'        private const string {camel} = "{value}";'
    if kind == "py":
        return f'{name} = "{value}"'
    if kind == "js":
        return f'const {camel[0].lower() + camel[1:]} = "{value}";'
    if kind == "tf":
        return f'  {name.lower()} = "{value}"'
    if kind == "docker":
        return f"ENV {name}={value}"
    if kind == "md":
        return f"    export {name}={value}"
    raise ValueError(kind)


def plant(lines, kind, path, count_secrets, count_decoys):
    """Inserts secrets and decoys at random lines (not the first or last, which hold file structure)."""
    planted = []
    for _ in range(count_secrets):
        provider, name, make = R.choice(SECRETS)
        if kind == "md" and provider.startswith("generic"):
            provider, name, make = SECRETS[1]
        planted.append((provider, assign(kind, name, make()), True))
    for _ in range(count_decoys):
        provider, name, make = R.choice(DECOYS)
        planted.append((provider, assign(kind, name, make()), False))
    for provider, line, is_secret in planted:
        at = R.randint(1, max(1, len(lines) - 1))
        lines.insert(at, line)
        for row in pending:
            if row[0] == path and row[1] >= at:
                row[1] += 1
        pending.append([path, at, provider, is_secret])


pending = []


# ---------------------------------------------------------------- filler per file kind
def cs_file():
    cls = ident(2, "pascal")
    lines = ["using System;", "using System.Threading;", "using System.Threading.Tasks;", "using Microsoft.Extensions.Logging;",
             "", f"namespace Contoso.{ident(1, 'pascal')};", "", f"public sealed class {cls}", "{"]
    for _ in range(R.randint(6, 14)):
        m = ident(2, "pascal")
        lines += [f"    public async Task<{ident(1, 'pascal')}> {m}Async(string {ident(1)}Id, CancellationToken cancellationToken)",
                  "    {",
                  f"        var token = await _tokens.GetTokenAsync(cancellationToken);",
                  f"        _logger.LogInformation(\"{m} started for {{Id}}\", {ident(1)}Id);",
                  f"        var options = new {ident(1, 'pascal')}Options {{ PasswordLength = {R.randint(8, 16)}, Retries = {R.randint(1, 5)} }};",
                  f"        var hash = \"{F.hex(64)}\";",
                  f"        var correlationId = Guid.Parse(\"{uuid()}\");",
                  f"        if (string.IsNullOrEmpty(token)) throw new InvalidOperationException(\"Token endpoint returned nothing\");",
                  f"        return await _{ident(1)}.{ident(2, 'pascal')}Async(token, cancellationToken);",
                  "    }", ""]
    lines.append("}")
    return lines


def json_file():
    lines = ["{"]
    for _ in range(R.randint(20, 60)):
        k = ident(2, "pascal")
        v = R.choice([f'"{ident(2)}"', str(R.randint(1, 5000)), "true", f'"https://{ident(1)}.contoso.com/{ident(1)}"', f'"{uuid()}"'])
        lines.append(f'  "{k}": {v},')
    lines += ['  "Logging": { "LogLevel": { "Default": "Information" } },', '  "TokenUrl": "https://login.contoso.com/oauth2/token",',
              '  "Identity": { "PasswordLength": 12, "RequireDigit": true },', '  "AllowedHosts": "*"', "}"]
    return lines


def yaml_file():
    lines = ["apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {ident(2, 'kebab')}", "spec:", "  template:", "    spec:", "      containers:"]
    for _ in range(R.randint(2, 6)):
        lines += [f"        - name: {ident(1, 'kebab')}", f"          image: contoso/{ident(1, 'kebab')}:1.{R.randint(0, 20)}.{R.randint(0, 9)}",
                  "          env:", f"            - name: {ident(2, 'upper')}", f"              value: \"{ident(1)}\"",
                  "            - name: DB_PASSWORD", "              valueFrom:", "                secretKeyRef:",
                  "                  name: db-password", "                  key: password",
                  "          resources:", "            limits:", f"              memory: {R.choice([256, 512, 1024])}Mi"]
    lines += ["config:", "  password: ${{ secrets.DB_PASSWORD }}", "  tokenizer: bert-base-uncased"]
    return lines


def env_file():
    lines = [f"# {ident(2)} settings"]
    for _ in range(R.randint(8, 30)):
        lines.append(f"{ident(2, 'upper')}={R.choice([ident(1), str(R.randint(1, 9999)), 'true', 'https://' + ident(1) + '.contoso.com'])}")
    lines.append("LOG_LEVEL=info")
    return lines


def sh_file():
    lines = ["#!/usr/bin/env bash", "set -euo pipefail"]
    for _ in range(R.randint(20, 60)):
        lines.append(R.choice([f"echo \"Deploying {ident(2, 'kebab')}\"", f"kubectl rollout status deploy/{ident(1, 'kebab')} --timeout=120s",
                               f"export {ident(2, 'upper')}=\"${{{ident(2, 'upper')}:-{ident(1)}}}\"", "TOKEN=$(az account get-access-token --query accessToken -o tsv)",
                               f"curl -fsS -H \"Authorization: Bearer $TOKEN\" https://{ident(1)}.contoso.com/api/{ident(1)}"]))
    lines.append("echo done")
    return lines


def ps1_file():
    lines = ["param([string]$Environment = 'dev')", "$ErrorActionPreference = 'Stop'"]
    for _ in range(R.randint(15, 40)):
        lines.append(R.choice([f"Write-Host \"Updating {ident(2)}\"", f"$password = Read-Host -AsSecureString -Prompt 'Password'",
                               f"$token = (Get-AzAccessToken).Token", f"Invoke-RestMethod -Uri \"https://{ident(1)}.contoso.com\" -Headers @{{ Authorization = \"Bearer $token\" }}"]))
    lines.append("Write-Host 'done'")
    return lines


def docker_file():
    return ["FROM mcr.microsoft.com/dotnet/aspnet:9.0", "WORKDIR /app", f"COPY ./publish/{ident(1)} .",
            "ARG NPM_TOKEN", "ENV ASPNETCORE_URLS=http://+:8080", "ENV DB_PASSWORD_FILE=/run/secrets/db_password",
            "RUN --mount=type=secret,id=npm_token npm ci", "EXPOSE 8080", "USER app", f"ENTRYPOINT [\"dotnet\", \"{ident(1, 'pascal')}.dll\"]"]


def md_file():
    lines = [f"# {ident(2, 'pascal')}", ""]
    for _ in range(R.randint(20, 60)):
        lines.append(" ".join(R.choice(WORDS) for _ in range(R.randint(8, 20))) + ".")
        if R.random() < 0.1:
            lines += ["", "```bash", "export API_KEY=<your-api-key>", "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "```", ""]
        if R.random() < 0.05:
            img = base64.b64encode(bytes(R.getrandbits(8) for _ in range(900))).decode()
            lines.append(f"![diagram](data:image/png;base64,{img})")
    return lines


def js_min_file():
    lines = []
    for _ in range(R.randint(2, 4)):
        parts = []
        while sum(len(p) for p in parts) < R.randint(15000, 30000):
            parts.append(R.choice([f"var {F.s(string.ascii_lowercase, 2)}=function(e,t){{return e.{ident(1)}(t)}}",
                                   f"{F.s(string.ascii_lowercase, 1)}.{ident(1)}=\"{F.s(B64, R.randint(20, 80))}\"",
                                   f"if(!t.token)throw new Error(\"missing token\")",
                                   f"fetch(\"https://{ident(1)}.contoso.com/api\",{{headers:{{Authorization:\"Bearer \"+t.token}}}})"]))
        lines.append(";".join(parts) + ";")
    return lines


def lock_file():
    lines = ["{", '  "name": "contoso-web",', '  "lockfileVersion": 3,', '  "packages": {']
    for _ in range(R.randint(300, 600)):
        name = ident(1, "kebab") + "-" + F.s(string.ascii_lowercase, 4)
        integrity = base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode()
        lines += [f'    "node_modules/{name}": {{', f'      "version": "{R.randint(0, 9)}.{R.randint(0, 30)}.{R.randint(0, 9)}",',
                  f'      "resolved": "https://registry.npmjs.org/{name}/-/{name}.tgz",', f'      "integrity": "sha512-{integrity}"', "    },"]
    lines += ['    "": {}', "  }", "}"]
    return lines


def py_file():
    lines = ["import os", "import logging", "", "logger = logging.getLogger(__name__)", ""]
    for _ in range(R.randint(10, 25)):
        f = ident(2, "snake")
        lines += [f"def {f}(session, token=None):", f"    \"\"\"Fetch {ident(1)} for the {ident(1)}.\"\"\"",
                  f"    api_key = os.environ[\"{ident(2, 'upper')}_API_KEY\"]", f"    digest = \"{F.hex(40)}\"",
                  f"    return session.get(f\"https://{ident(1)}.contoso.com/{{token}}\", headers={{\"X-Api-Key\": api_key}})", ""]
    return lines


def ts_file():
    lines = ["import { Injectable } from '@angular/core';", ""]
    for _ in range(R.randint(10, 25)):
        lines += [f"export async function {ident(2)}(token: string): Promise<void> {{",
                  f"  const passwordLabel = 'Enter your password';",
                  f"  const res = await fetch(`https://{ident(1)}.contoso.com/${{token}}`, {{ headers: {{ Authorization: `Bearer ${{token}}` }} }});",
                  "  if (!res.ok) throw new Error(res.statusText);", "}", ""]
    return lines


def tf_file():
    lines = ['terraform {', '  required_version = ">= 1.6"', '}', '']
    for _ in range(R.randint(4, 10)):
        lines += [f'resource "azurerm_{R.choice(["storage_account", "key_vault", "linux_web_app"])}" "{ident(1, "snake")}" {{',
                  f'  name                = "{ident(1)}{R.randint(1, 999)}"', '  location            = var.location',
                  '  admin_password      = var.admin_password', '}', '']
    lines.append("")
    return lines


KINDS = [
    # (count, kind, extension or name, filler, secrets per file (max), decoys per file (max))
    (500, "cs", ".cs", cs_file, 1, 1),
    (200, "json", "appsettings.{n}.json", json_file, 2, 1),
    (180, "yaml", ".yaml", yaml_file, 1, 1),
    (120, "env", ".env", env_file, 2, 2),
    (90, "sh", ".sh", sh_file, 1, 1),
    (60, "ps1", ".ps1", ps1_file, 1, 1),
    (100, "docker", "Dockerfile", docker_file, 1, 1),
    (200, "md", ".md", md_file, 1, 1),
    (120, "js", ".min.js", js_min_file, 0, 0),
    (40, "lock", "package-lock.json", lock_file, 0, 0),
    (150, "py", ".py", py_file, 1, 1),
    (150, "js", ".ts", ts_file, 1, 1),
    (90, "tf", ".tf", tf_file, 1, 1),
]

os.makedirs(args.out, exist_ok=True)
total = 0
files = 0
for count, kind, ext, filler, max_secrets, max_decoys in KINDS:
    for n in range(count):
        folder = f"svc{n % 40:02d}/{kind}"
        if ext.startswith("."):
            name = f"{ident(2, 'kebab')}-{n}{ext}"
        elif "{n}" in ext:
            name = ext.replace("{n}", str(n))
        else:
            folder = f"svc{n % 40:02d}/{kind}{n}"
            name = ext
        path = f"{folder}/{name}"
        lines = filler()
        if ext not in (".min.js", "package-lock.json"):
            s = R.randint(0, max_secrets) if R.random() < 0.45 else 0
            d = R.randint(0, max_decoys) if R.random() < 0.45 else 0
            plant(lines, "js" if ext == ".ts" else kind, path, s, d)
        full = os.path.join(args.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        text = "\n".join(lines) + "\n"
        with open(full, "w", newline="\n") as fh:
            fh.write(text)
        total += len(text.encode())
        files += 1

# Private keys: PEM files with the secret on the BEGIN line.
for n in range(20):
    path = f"svc{n:02d}/keys/deploy-{n}.pem"
    key = F.rsa_key() if n % 2 == 0 else F.openssh_key()
    full = os.path.join(args.out, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", newline="\n") as fh:
        fh.write(key + "\n")
    pending.append([path, 0, "private-key", True])
    total += len(key) + 1
    files += 1

for path, at, provider, is_secret in pending:
    truth.append({"file": path, "line": at + 1, "provider": provider, "is_secret": is_secret})
truth.sort(key=lambda r: (r["file"], r["line"]))
with open(args.truth or os.path.join(os.path.dirname(os.path.abspath(args.out)), "ground-truth.json"), "w") as fh:
    json.dump(truth, fh, indent=1)
print(f"{files} files, {total / 1e6:.1f} MB, {sum(r['is_secret'] for r in truth)} secrets, {sum(not r['is_secret'] for r in truth)} decoys")
