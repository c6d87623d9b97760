using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Analysis;

/// <summary>Finding → LSP Diagnostic. Identity (rule, range) is the finding's; everything else comes from the catalog.</summary>
internal static class DiagnosticMapper
{
    public const string Source = "devopslens";

    public static Diagnostic ToDiagnostic(Finding finding)
    {
        RuleCatalog.TryGet(finding.RuleId, out var rule);
        return new Diagnostic
        {
            Range = new LspRange
            {
                Start = new Position { Line = finding.Start.Line, Character = finding.Start.Character },
                End = new Position { Line = finding.End.Line, Character = finding.End.Character },
            },
            Severity = ToLspSeverity(finding.Severity),
            Code = finding.RuleId,
            CodeDescription = rule is null ? null : new CodeDescription { Href = rule.HelpUri },
            Source = Source,
            Message = finding.Message,
            Tags = ToTags(rule),
            Data = new DiagnosticData
            {
                Fingerprint = finding.Fingerprint,
                RuleId = finding.RuleId,
                Confidence = rule?.Confidence.ToString().ToLowerInvariant(),
                Categories = rule?.Tags.Count > 0 ? rule.Tags : null,
            },
        };
    }

    public static int ToLspSeverity(Severity severity) => severity switch
    {
        Severity.Error => 1,
        Severity.Warning => 2,
        _ => 3,
    };

    /// <summary>LSP knows two tags; a rule opts in through its catalog tags.</summary>
    private static IReadOnlyList<int>? ToTags(RuleDescriptor? rule)
    {
        if (rule is null)
        {
            return null;
        }

        var tags = new List<int>(2);
        if (rule.Tags.Contains("unnecessary", StringComparer.OrdinalIgnoreCase))
        {
            tags.Add(1);
        }

        if (rule.Tags.Contains("deprecated", StringComparer.OrdinalIgnoreCase))
        {
            tags.Add(2);
        }

        return tags.Count > 0 ? tags : null;
    }
}
