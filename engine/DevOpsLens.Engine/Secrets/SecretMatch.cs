using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Secrets;

/// <summary>
/// One secret found in a text. <see cref="Range"/> covers the secret value itself (the token, the password inside a
/// connection string or URL, the private key block), which is what editors underline. Nothing here holds the full value.
/// </summary>
public sealed class SecretMatch
{
    public SecretMatch(RuleDescriptor rule, string detectorId, string provider, TextRange range, string redacted, string? name = null)
    {
        Rule = rule;
        DetectorId = detectorId;
        Provider = provider;
        Range = range;
        Redacted = redacted;
        Name = name;
    }

    /// <summary>DL1001 … DL1005.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>Stable detector id, e.g. <c>github-pat</c>; the ids DL1001's <c>disabled_detectors</c> option accepts.</summary>
    public string DetectorId { get; }

    /// <summary>Display name of the credential kind ("GitHub personal access token (classic)", "PostgreSQL", a URL's host).</summary>
    public string Provider { get; }

    /// <summary>UTF-16 offsets of the secret value in the scanned text.</summary>
    public TextRange Range { get; }

    /// <summary>The value as <see cref="Redactor"/> shows it: known prefix, at most four trailing characters, length.</summary>
    public string Redacted { get; }

    /// <summary>The setting name for DL1005 (<c>ApiKey</c>, <c>DB_PASSWORD</c>); null for the other rules.</summary>
    public string? Name { get; }

    /// <summary>The rule's message, filled in; never contains the full secret.</summary>
    public string Message
    {
        get
        {
            if (Rule.Id == RuleIds.SecretAssignment)
            {
                return Rule.FormatMessage(Name ?? DetectorId, Redacted);
            }

            return Rule.FormatMessage(Provider, Redacted);
        }
    }

    public override string ToString() => Rule.Id + " " + DetectorId + " " + Range + " " + Redacted;
}

/// <summary>A detector as documented on the DL1001–DL1005 pages: id, credential kind and the rule it reports.</summary>
public sealed class SecretDetectorInfo
{
    public SecretDetectorInfo(string id, string provider, string ruleId)
    {
        Id = id;
        Provider = provider;
        RuleId = ruleId;
    }

    public string Id { get; }

    public string Provider { get; }

    public string RuleId { get; }

    public override string ToString() => Id + " (" + RuleId + ")";
}
