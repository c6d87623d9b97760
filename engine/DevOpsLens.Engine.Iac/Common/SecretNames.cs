using System.Text;
using DevOpsLens.Engine.Secrets;

namespace DevOpsLens.Engine.Iac.Common;

/// <summary>
/// Decides whether a variable name holds a secret (DB_PASSWORD, ApiKey, ConnectionStrings__Orders with a password)
/// and whether a value is written out rather than a reference or placeholder. Deployment files are judged on the
/// name: a weak literal password is as much a finding as a random one, so no entropy threshold applies here.
/// </summary>
internal static class SecretNames
{
    /// <summary>
    /// A name that holds a secret, by the engine's shared heuristics (the same judgement DL1005 makes), or a
    /// connection-string name (whose value the caller must still check with <see cref="HasCredential"/>).
    /// </summary>
    public static bool IsSecretName(string name) => SecretHeuristics.IsSecretName(name) || IsConnectionStringName(name);

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
