using System.Text;

namespace DevOpsLens.Engine.Iac.Common;

/// <summary>
/// Decides whether a variable name holds a secret (DB_PASSWORD, ApiKey, ConnectionStrings__Orders) and whether a
/// value is a real literal rather than a reference or placeholder. Names that only point at a secret
/// (PASSWORD_FILE, ACCESS_KEY_ID, TOKEN_URL) are not secrets.
/// </summary>
internal static class SecretNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "PASSWORD", "PASSWD", "PWD", "PASS", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY",
        "CONNECTIONSTRING", "CONNECTIONSTRINGS", "CONNSTR", "SASTOKEN", "ACCESSKEY", "SECRETKEY", "CLIENTSECRET",
    };

    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal)
    {
        "API", "ACCESS", "PRIVATE", "SECRET", "SIGNING", "ENCRYPTION", "MASTER", "ACCOUNT", "STORAGE", "SAS", "AUTH", "LICENSE", "SUBSCRIPTION", "WEBHOOK", "JWT", "HMAC",
    };

    /// <summary>A trailing word that makes the variable a pointer to, or a property of, a secret rather than the secret.</summary>
    private static readonly HashSet<string> PointerWords = new(StringComparer.Ordinal)
    {
        "FILE", "PATH", "DIR", "NAME", "ID", "URL", "URI", "ENDPOINT", "HOST", "TYPE", "LENGTH", "LEN", "MIN", "MAX", "TTL", "EXPIRY",
        "EXPIRATION", "HEADER", "REF", "ENABLED", "ENABLE", "DISABLED", "REQUIRED", "POLICY", "KIND", "SOURCE", "PROVIDER", "MODE", "ISSUER",
        "AUDIENCE", "LIFETIME", "TIMEOUT", "COUNT", "LOCATION", "VERSION", "FORMAT", "ALGORITHM", "FIELD", "PARAM", "PREFIX", "SCOPE",
        "SCOPES", "USER", "USERNAME", "EMAIL", "PORT", "REGION",
    };

    public static bool IsSecretName(string name)
    {
        var words = Words(name);
        if (words.Count == 0 || PointerWords.Contains(words[words.Count - 1]))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (SecretWords.Contains(w))
            {
                return true;
            }

            if ((w == "KEY" || w == "KEYS") && i > 0 && KeyQualifiers.Contains(words[i - 1]))
            {
                return true;
            }

            if ((w == "STRING" || w == "STRINGS") && i > 0 && words[i - 1] == "CONNECTION")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A connection-string name (ConnectionStrings__Orders, DB_CONNECTION_STRING): a secret only when its value carries a credential.</summary>
    public static bool IsConnectionStringName(string name)
    {
        var words = Words(name);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "CONNECTIONSTRING" or "CONNECTIONSTRINGS" or "CONNSTR" || (words[i] is "STRING" or "STRINGS" && i > 0 && words[i - 1] == "CONNECTION"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A connection string or URL with a password, account key or shared access key in it.</summary>
    public static bool HasCredential(string value) => CredentialInValue.IsMatch(value);

    private static readonly System.Text.RegularExpressions.Regex CredentialInValue = new(
        @"(?i)(?:password|pwd|accountkey|sharedaccesskey|secret)\s*=\s*[^;\s$]|://[^/\s:@]+:[^@\s$]+@",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>
    /// True for a value that is written out in the file: not empty, not a reference (<c>$(X)</c>, <c>${X}</c>,
    /// <c>{{ }}</c>), not a placeholder (<c>&lt;your-key&gt;</c>) and not an obvious non-secret (a boolean, a number, a file path).
    /// </summary>
    public static bool IsLiteralSecretValue(string value)
    {
        var v = value.Trim();
        if (v.Length < 4)
        {
            return false;
        }

        if (v.Contains("$(") || v.Contains("${") || v.Contains("{{") || v.StartsWith("$", StringComparison.Ordinal) || v.StartsWith("%", StringComparison.Ordinal)
            || (v.StartsWith("<", StringComparison.Ordinal) && v.EndsWith(">", StringComparison.Ordinal)) || v.StartsWith("/", StringComparison.Ordinal)
            || v.StartsWith("secretref:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("vault:", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("keyvault:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("@Microsoft.KeyVault", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        switch (v.ToLowerInvariant())
        {
            case "true":
            case "false":
            case "none":
            case "null":
            case "enabled":
            case "disabled":
            case "required":
            case "optional":
                return false;
        }

        return !v.All(c => char.IsDigit(c) || c == '.');
    }

    /// <summary>Upper-case words of a name: <c>ConnectionStrings__Orders</c> → CONNECTIONSTRINGS, ORDERS; <c>dbPassword</c> → DB, PASSWORD.</summary>
    internal static List<string> Words(string name)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && sb.Length > 0 && i > 0 && char.IsLower(name[i - 1]))
            {
                Flush();
            }

            sb.Append(char.ToUpperInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }
    }
}
