using System.Globalization;

namespace DevOpsLens.Engine.Secrets;

/// <summary>
/// The only way a secret value reaches a message: a short known prefix (which identifies the provider, not the
/// secret), an ellipsis, at most the last four characters, and the length. Short values show no characters at all.
/// </summary>
public static class Redactor
{
    public static string Redact(string secret, string? knownPrefix = null)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "(empty)";
        }

        var prefix = string.Empty;
        var body = secret;
        if (!string.IsNullOrEmpty(knownPrefix) && secret.StartsWith(knownPrefix, System.StringComparison.Ordinal) && secret.Length >= knownPrefix!.Length + 12)
        {
            prefix = knownPrefix;
            body = secret.Substring(knownPrefix.Length);
        }

        // Reveal at most 4 trailing characters, and never more than a sixth of the value.
        var reveal = body.Length >= 24 ? 4 : body.Length >= 12 ? 2 : 0;
        var tail = reveal > 0 ? body.Substring(body.Length - reveal) : string.Empty;
        return prefix + "…" + tail + " (" + secret.Length.ToString(CultureInfo.InvariantCulture) + " chars)";
    }
}
