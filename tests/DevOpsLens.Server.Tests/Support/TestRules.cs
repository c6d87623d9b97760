using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Server.Tests.Support;

/// <summary>
/// Stand-in checks so the protocol is tested independently of the real detectors: an AWS-style key id as DL1001
/// (error) and <c>password=…</c> as DL1005 (warning). They run inside the real WorkspaceAnalyzer, so
/// configuration, inline suppressions, fingerprints and the baseline are the product's.
/// </summary>
internal sealed class FakeKeyRule : IDocumentRule
{
    private static readonly Regex Key = new("AKIA[0-9A-Z]{16}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Password = new("password=([A-Za-z0-9]{8,})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.KnownCredential, RuleCatalog.SecretAssignment };

    public bool AppliesTo(DocumentContext document) => true;

    public void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (Match m in Key.Matches(document.Text))
        {
            sink.Report(RuleCatalog.KnownCredential, new TextRange(m.Index, m.Length), RuleCatalog.KnownCredential.FormatMessage("AWS access key id", m.Value[..4] + "…" + m.Value[^4..]));
        }

        foreach (Match m in Password.Matches(document.Text))
        {
            var g = m.Groups[1];
            sink.Report(RuleCatalog.SecretAssignment, new TextRange(g.Index, g.Length), RuleCatalog.SecretAssignment.FormatMessage("password", "…"));
        }
    }
}

/// <summary>Throws on files that contain the word EXPLODE: the engine must turn it into DL9003, the server must survive.</summary>
internal sealed class ExplodingRule : IDocumentRule
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.PrivateKey };

    public bool AppliesTo(DocumentContext document) => true;

    public void Analyze(DocumentContext document, IReportSink sink)
    {
        if (document.Text.Contains("EXPLODE", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("rule exploded");
        }
    }
}

/// <summary>A mechanical fix for the fake key: read it from the environment.</summary>
internal sealed class FakeKeyFix : IFixProvider
{
    public const string Replacement = "${AWS_ACCESS_KEY_ID}";

    public IReadOnlyList<string> FixableRuleIds { get; } = new[] { RuleIds.KnownCredential };

    public IEnumerable<TextFix> GetFixes(DocumentContext document, Finding finding)
    {
        yield return new TextFix("Read the key from AWS_ACCESS_KEY_ID", new[] { new TextEdit(finding.Range, Replacement) });
    }
}
