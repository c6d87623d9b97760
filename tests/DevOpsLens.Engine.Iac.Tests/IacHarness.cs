using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Tests;

/// <summary>
/// Runs the IaC rules the way a host does: every document rule on each file, then every repository rule
/// across the relevant files, with findings finished (severity, suppressions, fingerprints) per document.
/// </summary>
internal static class IacHarness
{
    public static IReadOnlyList<Finding> Analyze(params (string Path, string Text)[] files) => Analyze(files, RuleOptions.Default);

    public static IReadOnlyList<Finding> Analyze(IReadOnlyList<(string Path, string Text)> files, RuleOptions options)
    {
        var documents = files.Select(f => new DocumentContext(f.Path, f.Text, options)).ToList();
        var analyzer = new DocumentAnalyzer(IacRules.DocumentRules);
        var findings = new List<Finding>();
        foreach (var document in documents)
        {
            findings.AddRange(analyzer.Analyze(document));
        }

        foreach (var rule in IacRules.RepositoryRules)
        {
            var relevant = documents.Where(d => rule.IsRelevant(d.Path)).ToList();
            foreach (var group in rule.Analyze(relevant, CancellationToken.None).GroupBy(r => r.Document))
            {
                findings.AddRange(DocumentAnalyzer.Finish(group.Key, group.Select(r => r.Report)));
            }
        }

        findings.Sort(Finding.Compare);
        return findings;
    }

    public static IReadOnlyList<Finding> AnalyzeChange(string path, string? before, string? after)
    {
        var b = before == null ? null : new DocumentContext(path, before, RuleOptions.Default);
        var a = after == null ? null : new DocumentContext(path, after, RuleOptions.Default);
        var sink = new ListSink();
        foreach (var rule in IacRules.ChangeRules.Where(r => r.AppliesTo(path)))
        {
            rule.Analyze(b, a, sink);
        }

        return DocumentAnalyzer.Finish((a ?? b)!, sink.Reports);
    }

    private sealed class ListSink : IReportSink
    {
        public List<RawReport> Reports { get; } = new();

        public void Report(Catalog.RuleDescriptor rule, Text.TextRange range, string message, string? fingerprintContent = null, IReadOnlyDictionary<string, string>? properties = null) =>
            Reports.Add(new RawReport(rule, range, message, fingerprintContent, properties));
    }
}
