using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;

namespace DevOpsLens.Engine.Secrets;

/// <summary>
/// The provider-specific detectors (DL1001–DL1004). Each pattern encodes a published format fact: a fixed prefix, a
/// length, an alphabet, and where one exists a checksum or a decodable part. Boundaries keep a token from matching
/// inside a longer random string (base64 images, hashes).
/// </summary>
internal static class DetectorSet
{
    // Left/right boundaries: no word character (and for dashed formats no dash) touching the token.
    private const string L = @"(?<![A-Za-z0-9_])";
    private const string R = @"(?![A-Za-z0-9_])";
    private const string LX = @"(?<![A-Za-z0-9_\-])";
    private const string RX = @"(?![A-Za-z0-9_\-])";

    // Between a secret's name and its value: optional closing quote (also JSON-escaped, as in notebooks), an assignment
    // operator, optional opening quote. " value=" covers <add key="Name" value="…" />.
    private const string Assign = @"\\?[""'\]]?(?:\s+value)?\s*(?:=>|:=|=|:)\s*\\?[""'`]?";

    // The Azure Storage emulator's well-known account key is published in Microsoft's documentation; it is not a secret.
    private const string StorageEmulatorKey = SecretHeuristics.StorageEmulatorKey;

    private static readonly Regex ConnectionKeys = new(
        @"(?i)(?:^|[;""'])\s*(?:server|data source|datasource|host|database|initial catalog|user id|userid|uid|username|user|port|address|addr|dbname)\s*=",
        RegexOptions.CultureInvariant,
        Detector.MatchTimeout);

    private static readonly HashSet<string> PlaceholderHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "example.com", "example.org", "example.net", "host", "hostname", "server", "servername", "domain.com",
        "yourdomain.com", "your-host", "yourhost", "myhost", "my-host", "db-host", "dbhost", "some-host", "somehost",
    };

    // The match starts where the keyword starts (token prefixes, "Password=", "AccountKey=").
    private static readonly Func<string, int, int> AtHit = (_, hit) => hit;

    public static IReadOnlyList<Detector> All { get; } = Build();

    private static IReadOnlyList<Detector> Build()
    {
        var known = RuleCatalog.KnownCredential;
        var list = new List<Detector>
        {
            // Cloud providers
            new("aws-access-key-id", "AWS access key ID", known, L + "(?<s>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})" + R, "AKIA", "ASIA", "ABIA", "ACCA")
            {
                AnchorStart = AtHit,
                // AWS documents AKIAIOSFODNN7EXAMPLE and friends; they are not credentials.
                Validate = m => !m.Value.EndsWith("EXAMPLE", StringComparison.Ordinal),
                KnownPrefix = "AKIA",
            },
            new("aws-secret-access-key", "AWS secret access key", known,
                @"(?i:(?:aws_?)?secret_?(?:access_?)?key|aws_?secret)" + Assign + @"(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
                "secret_access_key", "secretaccesskey", "aws_secret", "awssecret", "secret_key", "secretkey")
            {
                IgnoreCase = true,
                // A 40-character base64 string is only an AWS secret key next to something that says AWS.
                Context = new[] { "aws", "AKIA", "ASIA" },
                ContextRadius = 1500,
                Validate = m => HasClasses(m.Value, upper: true, lower: true, digit: true) && m.Value.IndexOf("EXAMPLE", StringComparison.Ordinal) < 0,
            },
            new("azure-storage-account-key", "Azure Storage account key", known,
                @"(?<![;A-Za-z0-9_])(?i:(?:storage_?)?account_?key|storage_?key|primary_?key|secondary_?key|access_?key)" + Assign + @"(?<s>[A-Za-z0-9+/]{86}==)",
                "accountkey", "account_key", "storagekey", "storage_key", "primarykey", "primary_key", "secondarykey", "secondary_key", "accesskey", "access_key")
            {
                IgnoreCase = true,
                Validate = m => m.Value != StorageEmulatorKey,
            },
            new("azure-sas-token", "Azure shared access signature", known,
                @"[?&;]sig=(?<s>(?:[A-Za-z0-9+/]|%2[BbFf]){42,43}(?:%3[Dd]|=)?)(?![A-Za-z0-9%])", "sig=")
            {
                AnchorStart = (_, hit) => hit >= 1 ? hit - 1 : -1,
                // A signature is only a SAS token in a query that also carries the SAS version or expiry.
                Context = new[] { "sv=", "se=" },
                ContextRadius = 600,
            },
            new("azure-entra-client-secret", "Microsoft Entra ID client secret", known,
                @"(?<![A-Za-z0-9_~.\-])(?<s>[A-Za-z0-9_~.\-]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34})(?![A-Za-z0-9_~.\-])", "Q~")
            {
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(6)),
            },
            new("azure-devops-pat", "Azure DevOps personal access token", known,
                @"(?i:(?:azure_?devops|azdo|ado|vsts|devops)[A-Za-z0-9_\-.]{0,24})" + Assign + @"(?<s>[a-z2-7]{52})(?![A-Za-z0-9])",
                "devops", "azdo", "vsts", "ado_", "ado-")
            {
                IgnoreCase = true,
                Validate = m => FormatChecks.LooksRandom(m.Value) && HasClasses(m.Value, upper: false, lower: true, digit: true),
            },
            new("gcp-api-key", "Google API key", known, L + @"(?<s>AIza[0-9A-Za-z_\-]{35})" + RX, "AIza")
            {
                AnchorStart = AtHit,
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(4)) && !FormatChecks.IsFirebaseClientConfig(m.Text, m.Start, m.End),
                KnownPrefix = "AIza",
            },
            new("google-oauth-client-secret", "Google OAuth client secret", known, LX + @"(?<s>GOCSPX-[A-Za-z0-9_\-]{28})" + RX, "GOCSPX-")
            {
                AnchorStart = AtHit,
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(7)),
                KnownPrefix = "GOCSPX-",
            },

            // Source control and package registries
            GitHub("github-pat", "GitHub personal access token (classic)", "ghp_"),
            GitHub("github-oauth-token", "GitHub OAuth access token", "gho_"),
            GitHub("github-user-to-server-token", "GitHub App user-to-server token", "ghu_"),
            GitHub("github-app-installation-token", "GitHub App installation token", "ghs_"),
            GitHub("github-refresh-token", "GitHub refresh token", "ghr_"),
            new("github-fine-grained-pat", "GitHub fine-grained personal access token", known, L + @"(?<s>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})" + R, "github_pat_")
            {
                AnchorStart = AtHit,
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(11)),
                KnownPrefix = "github_pat_",
            },
            Prefixed("gitlab-pat", "GitLab personal access token", "glpat-", @"[A-Za-z0-9_\-]{20}(?:[A-Za-z0-9_\-.]{0,80}[A-Za-z0-9])?", @"(?![A-Za-z0-9_\-.])"),
            Prefixed("gitlab-runner-token", "GitLab runner authentication token", "glrt-", @"[A-Za-z0-9_\-]{20}(?:[A-Za-z0-9_\-.]{0,80}[A-Za-z0-9])?", @"(?![A-Za-z0-9_\-.])"),
            Prefixed("gitlab-deploy-token", "GitLab deploy token", "gldt-", @"[A-Za-z0-9_\-]{20}(?:[A-Za-z0-9_\-.]{0,80}[A-Za-z0-9])?", @"(?![A-Za-z0-9_\-.])"),
            Prefixed("gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", "glptt-", "[0-9a-f]{40}", R),
            Prefixed("npm-token", "npm access token", "npm_", "[A-Za-z0-9]{36}", R),
            new("nuget-api-key", "NuGet API key", known, L + "(?<s>oy2[a-z0-9]{43})" + R, "oy2")
            {
                AnchorStart = AtHit,
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(3)),
                KnownPrefix = "oy2",
            },
            new("pypi-token", "PyPI API token", known, LX + @"(?<s>pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\-]{50,1000})" + RX, "pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw")
            {
                AnchorStart = AtHit,
                KnownPrefix = "pypi-",
            },
            new("dockerhub-pat", "Docker Hub access token", known, LX + @"(?<s>dckr_(?:pat|oat)_[A-Za-z0-9_\-]{27,32})" + RX, "dckr_pat_", "dckr_oat_")
            {
                AnchorStart = AtHit,
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(9)),
                KnownPrefix = "dckr_pat_",
            },

            // Chat and webhooks
            Prefixed("slack-bot-token", "Slack bot token", "xoxb-", "[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}", RX),
            Prefixed("slack-user-token", "Slack user token", "xoxp-", "[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32}", RX),
            Prefixed("slack-app-token", "Slack app-level token", "xapp-", "[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{64}", RX),
            new("slack-legacy-token", "Slack token", known, LX + @"(?<s>xox[aoers]-[0-9]{6,13}-[A-Za-z0-9\-]{20,200})" + RX, "xoxa-", "xoxo-", "xoxe-", "xoxr-", "xoxs-")
            {
                AnchorStart = AtHit,
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(5)),
                KnownPrefix = "xox",
            },
            new("slack-webhook", "Slack incoming webhook", known,
                @"(?<s>https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_]{8,12}/[A-Za-z0-9_]{8,12}/[A-Za-z0-9_]{20,32})" + R, "hooks.slack.com")
            {
                AnchorStart = (_, hit) => hit >= 8 ? hit - 8 : -1,
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(m.Value.LastIndexOf('/') + 1)),
                KnownPrefix = "https://hooks.slack.com/",
            },
            new("discord-bot-token", "Discord bot token", known,
                @"(?<![A-Za-z0-9_\-.])(?<s>[MNO][A-Za-z0-9_\-]{23,27}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38})(?![A-Za-z0-9_\-.])", "discord", "token")
            {
                IgnoreCase = true,
                Back = 1024,
                Forward = 1024,
                Validate = m => FormatChecks.IsDiscordBotToken(m.Value),
            },
            new("discord-webhook", "Discord webhook", known,
                @"(?<s>https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_\-]{60,68})" + RX, "discord")
            {
                IgnoreCase = true,
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(m.Value.LastIndexOf('/') + 1)),
            },
            new("telegram-bot-token", "Telegram bot token", known,
                @"(?<![A-Za-z0-9_:])(?<s>[0-9]{8,10}:AA[A-Za-z0-9_\-]{33})" + RX, ":AA")
            {
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(m.Value.IndexOf(':') + 3)),
            },
            Prefixed("twilio-api-key", "Twilio API key", "SK", "[0-9a-f]{32}", R, context: "twilio"),
            new("twilio-auth-token", "Twilio auth token", known,
                @"(?i:auth_?token)" + Assign + @"(?<s>[0-9a-f]{32})" + R, "authtoken", "auth_token")
            {
                AnchorStart = AtHit,
                IgnoreCase = true,
                Context = new[] { "twilio" },
                ContextRadius = 1500,
                Validate = m => FormatChecks.LooksRandom(m.Value),
            },
            Prefixed("sendgrid-api-key", "SendGrid API key", "SG.", @"[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}", RX),
            new("mailchimp-api-key", "Mailchimp API key", known, L + "(?<s>[0-9a-f]{32}-us[0-9]{1,2})" + R, "-us")
            {
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(0, 32)),
            },
            Prefixed("postman-api-key", "Postman API key", "PMAK-", "[a-f0-9]{24}-[a-f0-9]{34}", R),

            // Payments
            Prefixed("stripe-secret-key", "Stripe live secret key", "sk_live_", "[0-9A-Za-z]{24,99}", R),
            Prefixed("stripe-restricted-key", "Stripe live restricted key", "rk_live_", "[0-9A-Za-z]{24,99}", R),
            Prefixed("shopify-access-token", "Shopify access token", "shpat_", "[a-fA-F0-9]{32}", R),
            Prefixed("shopify-custom-app-token", "Shopify custom app access token", "shpca_", "[a-fA-F0-9]{32}", R),
            Prefixed("shopify-private-app-token", "Shopify private app access token", "shppa_", "[a-fA-F0-9]{32}", R),
            Prefixed("shopify-shared-secret", "Shopify shared secret", "shpss_", "[a-fA-F0-9]{32}", R),

            // AI platforms
            new("openai-api-key", "OpenAI API key", known,
                LX + @"(?<s>sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_\-]{20,160}T3BlbkFJ[A-Za-z0-9_\-]{20,160})" + RX, "T3BlbkFJ")
            {
                Back = 200,
                KnownPrefix = "sk-",
            },
            Prefixed("anthropic-api-key", "Anthropic API key", "sk-ant-", @"(?:api03|admin01)-[A-Za-z0-9_\-]{93}AA", RX),
            Prefixed("huggingface-token", "Hugging Face access token", "hf_", "[A-Za-z]{34}", R),

            // Observability and operations
            new("datadog-api-key", "Datadog API key", known,
                @"(?i:(?:dd|datadog)[_\-.]?api[_\-.]?key)" + Assign + @"(?<s>[a-f0-9]{32})" + R, "dd_api_key", "ddapikey", "dd-api-key", "datadog")
            {
                AnchorStart = AtHit,
                IgnoreCase = true,
                Validate = m => FormatChecks.LooksRandom(m.Value),
            },
            new("datadog-app-key", "Datadog application key", known,
                @"(?i:(?:dd|datadog)[_\-.]?(?:app|application)[_\-.]?key)" + Assign + @"(?<s>[a-f0-9]{40})" + R, "dd_app", "ddapp", "dd-app", "dd_application", "datadog")
            {
                AnchorStart = AtHit,
                IgnoreCase = true,
                Validate = m => FormatChecks.LooksRandom(m.Value),
            },
            Prefixed("newrelic-user-key", "New Relic user API key", "NRAK-", "[A-Z0-9]{27}", R),
            Prefixed("newrelic-insert-key", "New Relic insert key", "NRII-", @"[A-Za-z0-9_\-]{32}", RX),
            new("newrelic-license-key", "New Relic license key", known, L + "(?<s>[a-f0-9]{36}NRAL)" + R, "NRAL")
            {
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(0, 36)),
            },
            Prefixed("sentry-org-token", "Sentry organization token", "sntrys_", @"eyJ[A-Za-z0-9+/=_]{60,400}", @"(?![A-Za-z0-9+/=_])"),
            Prefixed("sentry-user-token", "Sentry user auth token", "sntryu_", "[a-f0-9]{64}", R),
            new("sentry-dsn-secret", "Sentry DSN secret key", known,
                @"https?://[0-9a-f]{32}:(?<s>[0-9a-f]{32})@[A-Za-z0-9.\-]*sentry", "sentry")
            {
                IgnoreCase = true,
            },
            Prefixed("vault-service-token", "HashiCorp Vault service token", "hvs.", @"[A-Za-z0-9_\-]{90,120}", RX),
            Prefixed("vault-batch-token", "HashiCorp Vault batch token", "hvb.", @"[A-Za-z0-9_\-]{138,300}", RX),
            new("databricks-token", "Databricks personal access token", known, L + "(?<s>dapi[a-f0-9]{32}(?:-[0-9])?)" + R, "dapi")
            {
                AnchorStart = AtHit,
                Validate = m => FormatChecks.LooksRandom(m.Value.Substring(4, 32)),
                KnownPrefix = "dapi",
            },
            Prefixed("grafana-service-account-token", "Grafana service account token", "glsa_", "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", R),
            Prefixed("grafana-cloud-token", "Grafana Cloud API token", "glc_", "eyJ[A-Za-z0-9+/=_]{32,400}", @"(?![A-Za-z0-9+/=_])"),
            Prefixed("pulumi-access-token", "Pulumi access token", "pul-", "[a-f0-9]{40}", R),
            Prefixed("digitalocean-token", "DigitalOcean token", "dop_v1_", "[a-f0-9]{64}", R),
            Prefixed("digitalocean-oauth-token", "DigitalOcean OAuth token", "doo_v1_", "[a-f0-9]{64}", R),
            Prefixed("atlassian-api-token", "Atlassian API token", "ATATT3", @"[A-Za-z0-9_\-=]{186}", @"(?![A-Za-z0-9_\-=])"),
            Prefixed("linear-api-key", "Linear API key", "lin_api_", "[A-Za-z0-9]{40}", R),
            Prefixed("doppler-token", "Doppler service token", "dp.pt.", "[A-Za-z0-9]{43}", R),

            // Tokens that carry their own structure
            new("jwt", "JSON Web Token", known,
                LX + @"(?<s>eyJ[A-Za-z0-9_\-]{8,4000}\.eyJ[A-Za-z0-9_\-]{8,8000}\.[A-Za-z0-9_\-]{16,2000})(?![A-Za-z0-9_\-.=])", "eyJ")
            {
                AnchorStart = AtHit,
                Forward = 14000,
                Validate = m => FormatChecks.IsCredentialJwt(m.Value),
            },

            // DL1002 private keys
            new("pem-private-key", "Private key", RuleCatalog.PrivateKey, null, "PRIVATE KEY")
            {
                Back = 128,
                Forward = 70000,
                MultiLine = true,
                Custom = PrivateKeys.FindPem,
                Variants = new[]
                {
                    ("pem-private-key", "PEM private key (RSA, EC, DSA, PKCS#8, encrypted)", RuleCatalog.PrivateKey),
                    ("openssh-private-key", "OpenSSH private key", RuleCatalog.PrivateKey),
                    ("pgp-private-key", "PGP private key block", RuleCatalog.PrivateKey),
                    ("gcp-service-account-key", "Google Cloud service account key (private_key in the JSON key file)", RuleCatalog.PrivateKey),
                },
            },
            new("putty-private-key", "PuTTY private key", RuleCatalog.PrivateKey, null, "PuTTY-User-Key-File-")
            {
                Back = 0,
                Forward = 20000,
                MultiLine = true,
                Custom = PrivateKeys.FindPutty,
            },
            new("age-secret-key", "age secret key", RuleCatalog.PrivateKey, L + "(?<s>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})" + R, "AGE-SECRET-KEY-1")
            {
                AnchorStart = AtHit,
                KnownPrefix = "AGE-SECRET-KEY-1",
            },

            // DL1003 connection strings with a password
            new("sql-connection-string", "Database", RuleCatalog.ConnectionStringPassword,
                @"(?i)(?<![A-Za-z0-9_])(?:password|pwd)\s*=\s*(?:'(?<s>[^'\r\n]{1,256})'|""(?<s>[^""\r\n;]{1,256})""|(?<s>[^;'""\r\n\s\\](?:[^;'""\r\n\\]{0,254}[^;'""\r\n\s\\])?))",
                "password", "pwd")
            {
                AnchorStart = AtHit,
                IgnoreCase = true,
                Back = 1024,
                Validate = IsConnectionStringPassword,
                Classify = ClassifyConnectionString,
                Variants = new[]
                {
                    ("sqlserver-connection-string", "SQL Server / Azure SQL", RuleCatalog.ConnectionStringPassword),
                    ("postgres-connection-string", "PostgreSQL (Npgsql)", RuleCatalog.ConnectionStringPassword),
                    ("mysql-connection-string", "MySQL / MariaDB", RuleCatalog.ConnectionStringPassword),
                    ("oracle-connection-string", "Oracle", RuleCatalog.ConnectionStringPassword),
                    ("db-connection-string", "Other key=value database connection strings", RuleCatalog.ConnectionStringPassword),
                },
            },
            new("redis-connection-string", "Redis", RuleCatalog.ConnectionStringPassword,
                @"(?i)(?<=,[ \t]{0,2}|[""'])password\s*=\s*(?<s>[^,;'""\s\\]{1,256})", "password")
            {
                AnchorStart = AtHit,
                IgnoreCase = true,
                Back = 1024,
                Validate = IsRedisPassword,
            },
            new("azure-storage-connection-string", "Azure Storage", RuleCatalog.ConnectionStringPassword,
                @"(?i:AccountKey)\s*=\s*(?<s>[A-Za-z0-9+/]{86}==)", "AccountKey=")
            {
                AnchorStart = AtHit,
                IgnoreCase = true,
                Back = 1024,
                Validate = m => m.Value != StorageEmulatorKey,
                Classify = m => m.Around(600).IndexOf("documents.azure.com", StringComparison.OrdinalIgnoreCase) >= 0
                    ? ("azure-cosmos-connection-string", "Azure Cosmos DB", RuleCatalog.ConnectionStringPassword)
                    : ("azure-storage-connection-string", "Azure Storage", RuleCatalog.ConnectionStringPassword),
                Variants = new[]
                {
                    ("azure-storage-connection-string", "Azure Storage (AccountKey=)", RuleCatalog.ConnectionStringPassword),
                    ("azure-cosmos-connection-string", "Azure Cosmos DB (AccountKey=)", RuleCatalog.ConnectionStringPassword),
                },
            },
            new("azure-servicebus-connection-string", "Azure Service Bus / Event Hubs", RuleCatalog.ConnectionStringPassword,
                @"(?i:SharedAccessKey)\s*=\s*(?<s>[A-Za-z0-9+/]{42,44}={0,2})(?![A-Za-z0-9+/=])", "SharedAccessKey=")
            {
                AnchorStart = AtHit,
                IgnoreCase = true,
                Back = 1024,
                Classify = m => m.Around(600).IndexOf("azure-devices.net", StringComparison.OrdinalIgnoreCase) >= 0
                    ? ("azure-iothub-connection-string", "Azure IoT Hub", RuleCatalog.ConnectionStringPassword)
                    : ("azure-servicebus-connection-string", "Azure Service Bus / Event Hubs", RuleCatalog.ConnectionStringPassword),
                Variants = new[]
                {
                    ("azure-servicebus-connection-string", "Azure Service Bus / Event Hubs (SharedAccessKey=)", RuleCatalog.ConnectionStringPassword),
                    ("azure-iothub-connection-string", "Azure IoT Hub (SharedAccessKey=)", RuleCatalog.ConnectionStringPassword),
                },
            },
            new("azure-signalr-connection-string", "Azure SignalR / Web PubSub", RuleCatalog.ConnectionStringPassword,
                @"(?<=;\s{0,4})(?i:AccessKey)\s*=\s*(?<s>[A-Za-z0-9+/]{43}=)", "AccessKey=")
            {
                AnchorStart = AtHit,
                IgnoreCase = true,
                Back = 1024,
                Context = new[] { "signalr", "webpubsub" },
            },

            // URLs with user:password@ (DL1004), database URLs (DL1003). Passwords may hold a raw '@' or '#' (it should be
            // percent-encoded, but people paste them as they are); the last '@' before the host ends the password.
            new("url-credentials", "URL", RuleCatalog.UrlCredentials,
                @"(?<![A-Za-z0-9+.\-])(?<scheme>[A-Za-z][A-Za-z0-9+.\-]{1,30})://(?<user>[^\s:/?#@""'<>\[\]{}\\`]{0,128}):(?<s>[^\s/?""'<>\\`]{1,256})@(?<host>[A-Za-z0-9._\-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])",
                "://")
            {
                AnchorStart = SchemeStart,
                Back = 64,
                Validate = IsUrlPassword,
                Classify = ClassifyUrl,
                Variants = new[]
                {
                    ("url-credentials", "Any other URL with user:password@ (https, ftp, git remotes, proxies, package feeds)", RuleCatalog.UrlCredentials),
                    ("postgres-url", "PostgreSQL URL (postgres://user:pass@)", RuleCatalog.ConnectionStringPassword),
                    ("mysql-url", "MySQL / MariaDB URL", RuleCatalog.ConnectionStringPassword),
                    ("mongodb-url", "MongoDB URL (mongodb://, mongodb+srv://)", RuleCatalog.ConnectionStringPassword),
                    ("redis-url", "Redis URL (redis://, rediss://)", RuleCatalog.ConnectionStringPassword),
                    ("amqp-url", "RabbitMQ / AMQP URL", RuleCatalog.ConnectionStringPassword),
                    ("sqlserver-url", "SQL Server URL (sqlserver://, mssql://)", RuleCatalog.ConnectionStringPassword),
                },
            },
        };
        return list;
    }

    private static Detector GitHub(string id, string provider, string prefix) =>
        new(id, provider, RuleCatalog.KnownCredential, L + "(?<s>" + prefix + "[A-Za-z0-9]{36})" + R, prefix)
        {
            AnchorStart = AtHit,

            // The last six characters are a CRC32 of the other thirty: fakes and documentation examples fail it.
            Validate = m => FormatChecks.HasGitHubChecksum(m.Value),
            KnownPrefix = prefix,
        };

    private static Detector Prefixed(string id, string provider, string prefix, string body, string rightBoundary, string? context = null) =>
        new(id, provider, RuleCatalog.KnownCredential, LX + "(?<s>" + Regex.Escape(prefix) + body + ")" + rightBoundary, prefix)
        {
            AnchorStart = AtHit,
            Validate = m => FormatChecks.LooksRandom(m.Value.Substring(prefix.Length)),
            KnownPrefix = prefix,
            Context = context == null ? null : new[] { context },
            ContextRadius = 1500,
        };

    /// <summary>Where the scheme before a "://" hit starts (at most 30 characters back), or -1.</summary>
    private static int SchemeStart(string text, int hit)
    {
        var start = hit;
        while (start > 0 && hit - start < 30)
        {
            var c = text[start - 1];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-')
            {
                start--;
            }
            else
            {
                break;
            }
        }

        while (start < hit && !char.IsLetter(text[start]))
        {
            start++;
        }

        return start < hit ? start : -1;
    }

    private static bool HasClasses(string value, bool upper, bool lower, bool digit)
    {
        bool u = false, l = false, d = false;
        foreach (var c in value)
        {
            u |= c >= 'A' && c <= 'Z';
            l |= c >= 'a' && c <= 'z';
            d |= c >= '0' && c <= '9';
        }

        return (!upper || u) && (!lower || l) && (!digit || d);
    }

    /// <summary>The text of the string or line holding a match, up to quotes, backticks or line ends, at most 1 KB each way.</summary>
    private static string Segment(MatchInfo m, char[] stops)
    {
        var start = m.Match.Index;
        var from = start;
        while (from > 0 && start - from < 1024 && Array.IndexOf(stops, m.Text[from - 1]) < 0)
        {
            from--;
        }

        var to = m.End;
        while (to < m.Text.Length && to - m.End < 1024 && Array.IndexOf(stops, m.Text[to]) < 0)
        {
            to++;
        }

        return m.Text.Substring(from, to - from);
    }

    private static readonly char[] StringStops = { '"', '\'', '`', '\n', '\r', '>', '<' };

    private static bool IsConnectionStringPassword(MatchInfo m)
    {
        // In a connection string the key follows a ';' (or opens the string); "password = x" in code does not.
        var start = m.Match.Index;
        while (start > 0 && (m.Text[start - 1] == ' ' || m.Text[start - 1] == '\t'))
        {
            start--;
        }

        if (start > 0)
        {
            var before = m.Text[start - 1];
            if (!(before == ';' || before == '"' || before == '\'' || before == '`' || before == '>' || before == '\n' || before == '\r'))
            {
                return false;
            }
        }

        if (SecretHeuristics.IsPlaceholder(m.Value, out _))
        {
            return false;
        }

        var segment = Segment(m, StringStops);
        // "User Id=sa;Password=sa" is the same kind of sample as "guest:guest@" in a URL.
        return segment.IndexOf(';') >= 0 && ConnectionKeys.IsMatch(segment) &&
            !string.Equals(ConnectionStringPart(segment, UserKeys), m.Value, StringComparison.Ordinal) &&
            !(SecretHeuristics.IsDisguisedKeyword(m.Value) && IsLocalHost(ConnectionStringHost(segment)));
    }

    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "server", "data source", "datasource", "host", "hostname", "address", "addr", "network address",
    };

    private static readonly HashSet<string> UserKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "user id", "userid", "uid", "user", "username", "user name",
    };

    /// <summary>The value of the first of <paramref name="keys"/> in an ADO-style connection string; empty when absent.</summary>
    private static string ConnectionStringPart(string segment, HashSet<string> keys)
    {
        foreach (var part in segment.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && keys.Contains(part.Substring(0, eq).Trim()))
            {
                return part.Substring(eq + 1).Trim();
            }
        }

        return string.Empty;
    }

    /// <summary>The server of an ADO-style connection string without protocol, port or instance; empty when it names none.</summary>
    private static string ConnectionStringHost(string segment)
    {
        var host = ConnectionStringPart(segment, HostKeys).ToLowerInvariant();
        if (host.StartsWith("tcp:", StringComparison.Ordinal))
        {
            host = host.Substring(4);
        }

        var end = host.IndexOfAny(new[] { ',', '\\' });
        host = end >= 0 ? host.Substring(0, end) : host;
        var colon = host.LastIndexOf(':');
        return colon > 0 && host.IndexOf(':') == colon ? host.Substring(0, colon) : host;
    }

    /// <summary>
    /// A developer machine or a container on the same Compose network: "localhost", ".", "(localdb)", loopback addresses,
    /// single-label service names ("db", "sqldata"). A dotted name is a server somewhere else.
    /// </summary>
    private static bool IsLocalHost(string host)
    {
        if (host.Length == 0 || host == "." || host.StartsWith("(local", StringComparison.Ordinal) || host == "localhost" ||
            host == "::1" || host == "[::1]" || host.StartsWith("127.", StringComparison.Ordinal) || host == "host.docker.internal")
        {
            return true;
        }

        return host.IndexOf('.') < 0 && host.IndexOf(':') < 0;
    }

    private static (string, string, RuleDescriptor) ClassifyConnectionString(MatchInfo m)
    {
        var s = Segment(m, StringStops).ToLowerInvariant();
        var rule = RuleCatalog.ConnectionStringPassword;
        if (s.Contains("(description") || s.Contains(":1521"))
        {
            return ("oracle-connection-string", "Oracle", rule);
        }

        if (s.Contains("initial catalog") || s.Contains("tcp:") || s.Contains("database.windows.net") || s.Contains("trustservercertificate") ||
            s.Contains("multipleactiveresultsets") || s.Contains("trusted_connection") || s.Contains("integrated security") || s.Contains("data source="))
        {
            return ("sqlserver-connection-string", "SQL Server", rule);
        }

        if (s.Contains("host=") || s.Contains("port=5432") || s.Contains("postgres") || (s.Contains("username=") && !s.Contains("uid=")))
        {
            return ("postgres-connection-string", "PostgreSQL", rule);
        }

        if (s.Contains("uid=") || s.Contains("port=3306") || s.Contains("mysql") || s.Contains("sslmode="))
        {
            return ("mysql-connection-string", "MySQL", rule);
        }

        if (s.Contains("server="))
        {
            return ("sqlserver-connection-string", "SQL Server", rule);
        }

        return ("db-connection-string", "Database", rule);
    }

    private static bool IsRedisPassword(MatchInfo m)
    {
        if (SecretHeuristics.IsPlaceholder(m.Value, out _))
        {
            return false;
        }

        var s = Segment(m, StringStops).ToLowerInvariant();
        return (s.Contains(":6379") || s.Contains(":6380") || s.Contains("abortconnect") || s.Contains("redis") || s.Contains("ssl=")) &&
            s.IndexOf(',') >= 0 && !ConnectionKeys.IsMatch(s);
    }

    private static bool IsUrlPassword(MatchInfo m)
    {
        var password = m.Value;
        var user = m.Match.Groups["user"].Value;
        var host = m.Match.Groups["host"].Value.TrimEnd('.');
        if (SecretHeuristics.IsPlaceholder(password, out _) || string.Equals(password, user, StringComparison.Ordinal))
        {
            return false;
        }

        var lowerPassword = password.ToLowerInvariant();
        if (lowerPassword.StartsWith("%s", StringComparison.Ordinal) || lowerPassword.IndexOf("{0}", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        // URL parsers' tests spell the same sample percent-encoded ("pass%20pass", "s%40f"): judge the decoded value.
        var decoded = PercentDecode(lowerPassword);
        if (decoded.Length < MinUrlPasswordLength || IsPasswordWordsOnly(decoded) ||
            (!ReferenceEquals(decoded, lowerPassword) && SecretHeuristics.IsPlaceholder(decoded, out _)))
        {
            return false;
        }

        var lowerHost = host.ToLowerInvariant();
        // On a developer's own machine a password word in disguise or a four-character one is a local default;
        // the same on a server elsewhere is reported.
        if ((SecretHeuristics.IsDisguisedKeyword(decoded) || decoded.Length <= MinUrlPasswordLength) && IsLocalHost(lowerHost))
        {
            return false;
        }

        return !PlaceholderHosts.Contains(lowerHost) && !lowerHost.EndsWith(".example.com", StringComparison.Ordinal) &&
            !lowerHost.EndsWith(".example", StringComparison.Ordinal) && !lowerHost.EndsWith(".invalid", StringComparison.Ordinal) &&
            lowerHost.IndexOf("example", StringComparison.Ordinal) < 0;
    }

    // No service that takes a URL password accepts one of one to three characters; "u:p@" and "a:b@" are parser fixtures.
    private const int MinUrlPasswordLength = 4;

    private static readonly HashSet<string> PasswordWords = new(StringComparer.Ordinal) { "pass", "pw", "pwd", "passwd", "password", "secret", "x" };

    /// <summary>"pass", "pass pass", "pass#pass", "pw": the word for a password standing in for one.</summary>
    private static bool IsPasswordWordsOnly(string lower)
    {
        var words = 0;
        var start = 0;
        for (var i = 0; i <= lower.Length; i++)
        {
            if (i < lower.Length && char.IsLetterOrDigit(lower[i]))
            {
                continue;
            }

            if (i > start)
            {
                if (!PasswordWords.Contains(lower.Substring(start, i - start)))
                {
                    return false;
                }

                words++;
            }

            start = i + 1;
        }

        return words > 0;
    }

    /// <summary>Decodes %XX escapes; a '%' not followed by two hex digits is kept as it is (people paste raw passwords).</summary>
    private static string PercentDecode(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHexDigit(value[i + 1]) && IsHexDigit(value[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static (string, string, RuleDescriptor) ClassifyUrl(MatchInfo m)
    {
        var scheme = m.Match.Groups["scheme"].Value.ToLowerInvariant();
        var db = RuleCatalog.ConnectionStringPassword;
        switch (scheme)
        {
            case "postgres":
            case "postgresql":
                return ("postgres-url", "PostgreSQL", db);
            case "mysql":
            case "mariadb":
                return ("mysql-url", "MySQL", db);
            case "mongodb":
            case "mongodb+srv":
                return ("mongodb-url", "MongoDB", db);
            case "redis":
            case "rediss":
                return ("redis-url", "Redis", db);
            case "amqp":
            case "amqps":
                return ("amqp-url", "RabbitMQ", db);
            case "sqlserver":
            case "mssql":
                return ("sqlserver-url", "SQL Server", db);
            default:
                return ("url-credentials", m.Match.Groups["host"].Value.ToLowerInvariant(), RuleCatalog.UrlCredentials);
        }
    }
}
