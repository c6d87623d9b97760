"""Generates a C# class library of N files with planted FAKE secrets and realistic decoys, plus truth.json.

Each planted line is one secret (true positive) or one decoy (any finding on it is a false positive). Secrets are
format-valid fakes from bench/secrets/fakes.py; none was ever issued by a provider. Seeded: reruns are identical.
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "secrets"))
from fakes import Fakes  # noqa: E402

F = Fakes(seed=7)
R = random.Random(11)
WORDS = ["Order", "Invoice", "Customer", "Basket", "Payment", "Shipment", "Catalog", "Report", "Ledger", "Tenant",
         "Inventory", "Refund", "Coupon", "Review", "Profile", "Session", "Audit", "Export", "Import", "Schedule"]


def uuid():
    h = "".join(R.choice("0123456789abcdef") for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def url_password():
    # Characters that end or escape a URL's user-info (#, ?, %, /, @) are left out: such a URL would be invalid.
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!*-_.~"
    return "".join(R.choice(alphabet) for _ in range(R.randint(12, 18)))


def password():
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*?"
    return "".join(R.choice(alphabet) for _ in range(R.randint(12, 18)))


# (kind, template): {v} is the value. Each template is one line.
SECRETS = [
    ("github-const", lambda: f'    private const string GitHubToken = "{F.github()}";'),
    ("slack-webhook", lambda: f'    private static readonly string AlertsHook = "{F.slack_webhook()}";'),
    ("stripe-field", lambda: f'    private readonly string _billingKey = "{F.stripe()}";'),
    ("openai-header", lambda: f'    public void Authorize(HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", "Bearer {F.openai()}");'),
    ("db-password-property", lambda: f'    public string DbPassword {{ get; set; }} = "{password()}";'),
    ("network-credential", lambda: f'    public NetworkCredential SmtpCredential() => new NetworkCredential("svc-mailer", "{password()}");'),
    ("connection-string", lambda: f'    private const string Legacy = "Server=sql01;Database=legacy;User Id=legacy_app;Password={password()};";'),
    ("url-credentials", lambda: f'    private const string Mirror = "https://deploy:{url_password()}@git.contoso.internal/platform/mirror.git";'),
    ("aws-secret-local", lambda: f'    public string AwsSecret() {{ var awsSecretAccessKey = "{F.aws_secret()}"; return awsSecretAccessKey; }}'),
    ("client-secret-argument", lambda: f'    public string Token() => RequestToken(clientId: "orders-api", clientSecret: "{password()}");'),
]

DECOYS = [
    ("setting-name", lambda: '    private const string PasswordKey = "Database:Password";'),
    ("env-read", lambda: '    public string? ReadPassword() => Environment.GetEnvironmentVariable("DB_PASSWORD");'),
    ("length-option", lambda: '    public int PasswordMinLength { get; set; } = 12;'),
    ("token-endpoint", lambda: '    public string TokenEndpoint { get; set; } = "https://login.contoso.com/oauth2/v2.0/token";'),
    ("header-name", lambda: '    private const string ApiKeyHeaderName = "X-Api-Key";'),
    ("empty-password", lambda: '    public string Password { get; set; } = "";'),
    ("checksum", lambda: f'    private const string PackageSha256 = "{F.hex(64)}";'),
    ("secret-name", lambda: '    public string SecretName { get; set; } = "orders-db-password";'),
    ("message", lambda: '    private const string PasswordResetMessage = "Your password was reset. Check your inbox.";'),
    ("placeholder", lambda: '    public string ApiKey { get; set; } = "<your-api-key>";'),
    ("correlation-id", lambda: f'    private const string CorrelationId = "{uuid()}";'),
    ("config-reference", lambda: '    public string ClientSecret { get; set; } = "${AZURE_CLIENT_SECRET}";'),
    ("token-count", lambda: '    public int TokenCount { get; set; } = 4096;'),
]


def body(name):
    # Ordinary service code around the planted lines, so the compiler and analyzers see realistic syntax.
    return [
        f"    public async Task<int> Count{name}Async(IEnumerable<int> ids, CancellationToken ct)",
        "    {",
        "        var total = 0;",
        "        foreach (var id in ids)",
        "        {",
        "            ct.ThrowIfCancellationRequested();",
        "            total += await Task.FromResult(id % 7);",
        "        }",
        "",
        "        return total;",
        "    }",
        "",
        f"    public string Describe{name}(int id, string? note) => note is null ? $\"{name} {{id}}\" : $\"{name} {{id}}: {{note}}\";",
        "",
        "    private static string RequestToken(string clientId, string clientSecret) => clientId.Length + \":\" + clientSecret.Length;",
    ]


def main(out_dir, files):
    src = os.path.join(out_dir, "src")
    os.makedirs(src, exist_ok=True)
    truth = []
    for i in range(files):
        name = R.choice(WORDS) + str(i)
        lines = [
            "// Generated benchmark file: every credential below is a random fake.",
            "using System;",
            "using System.Collections.Generic;",
            "using System.Net;",
            "using System.Net.Http;",
            "using System.Threading;",
            "using System.Threading.Tasks;",
            "",
            f"namespace Bench.Module{i // 50};",
            "",
            f"public sealed class {name}Service",
            "{",
        ]
        planted = [("secret",) + s for s in R.sample(SECRETS, R.choice([0, 0, 1, 1, 2]))]
        planted += [("decoy",) + d for d in R.sample(DECOYS, R.randint(1, 3))]
        R.shuffle(planted)
        for truth_kind, kind, make in planted:
            lines.append(make())
            truth.append({"file": f"src/{name}Service.cs", "line": len(lines), "kind": kind, "secret": truth_kind == "secret"})
            lines.append("")
        lines += body(name)
        lines.append("}")
        with open(os.path.join(src, f"{name}Service.cs"), "w") as fh:
            fh.write("\n".join(lines) + "\n")
    with open(os.path.join(out_dir, "truth.json"), "w") as fh:
        json.dump(truth, fh, indent=1)
    print(f"{files} files, {sum(t['secret'] for t in truth)} secrets, {sum(not t['secret'] for t in truth)} decoys")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1200)
