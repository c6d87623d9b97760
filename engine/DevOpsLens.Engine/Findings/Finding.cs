using System;
using System.Collections.Generic;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Findings;

/// <summary>How a finding was suppressed, if it was. Suppressed findings are kept (SARIF marks them) but never fail a gate.</summary>
public enum SuppressionKind
{
    None = 0,
    InlineComment,
    Baseline,
    Pragma,
    Attribute,
}

/// <summary>
/// One reported problem. Identity across hosts is (RuleId, Path, Range); everything else is presentation.
/// Messages and properties never hold a full secret value.
/// </summary>
public sealed class Finding
{
    public Finding(
        string ruleId,
        string path,
        TextRange range,
        LinePosition start,
        LinePosition end,
        string message,
        Severity severity,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        RuleId = ruleId;
        Path = path;
        Range = range;
        Start = start;
        End = end;
        Message = message;
        Severity = severity;
        Properties = properties ?? EmptyProperties;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();

    public string RuleId { get; }

    /// <summary>Repository-relative path with forward slashes (absolute only when no root is known).</summary>
    public string Path { get; }

    public TextRange Range { get; }

    public LinePosition Start { get; }

    public LinePosition End { get; }

    public string Message { get; }

    /// <summary>Effective severity after configuration.</summary>
    public Severity Severity { get; init; }

    /// <summary>Extra facts: detector id, redacted value, commit of first appearance, … Never a full secret.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; }

    /// <summary>Stable identity for baselines and SARIF partialFingerprints: rule, path and normalized content, no line numbers.</summary>
    public string? Fingerprint { get; init; }

    public SuppressionKind Suppression { get; init; }

    public string? SuppressionJustification { get; init; }

    public bool IsSuppressed => Suppression != SuppressionKind.None;

    public RuleDescriptor Rule => RuleCatalog.Get(RuleId);

    public static int Compare(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0)
        {
            return c;
        }

        c = a.Range.Start.CompareTo(b.Range.Start);
        if (c != 0)
        {
            return c;
        }

        c = a.Range.Length.CompareTo(b.Range.Length);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }

    public Finding With(Severity? severity = null, SuppressionKind? suppression = null, string? justification = null, string? fingerprint = null, IReadOnlyDictionary<string, string>? properties = null) =>
        new(RuleId, Path, Range, Start, End, Message, severity ?? Severity, properties ?? Properties)
        {
            Fingerprint = fingerprint ?? Fingerprint,
            Suppression = suppression ?? Suppression,
            SuppressionJustification = justification ?? SuppressionJustification,
        };

    public override string ToString() => Path + "(" + Start + "): " + RuleId + ": " + Message;
}
