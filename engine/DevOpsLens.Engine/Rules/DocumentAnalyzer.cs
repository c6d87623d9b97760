using System;
using System.Collections.Generic;
using System.Linq;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Suppressions;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Rules;

/// <summary>
/// Runs a set of checks over one document and turns their raw reports into findings: effective severity from
/// configuration, inline suppressions, fingerprints, stable order. A check that throws becomes a DL9003 finding;
/// the other checks still run.
/// </summary>
public sealed class DocumentAnalyzer
{
    private readonly IReadOnlyList<IDocumentRule> _rules;

    public DocumentAnalyzer(IEnumerable<IDocumentRule> rules) => _rules = rules.ToArray();

    public IReadOnlyList<IDocumentRule> Rules => _rules;

    public IReadOnlyList<Finding> Analyze(DocumentContext document)
    {
        var sink = new CollectingSink(document);
        foreach (var rule in _rules)
        {
            document.CancellationToken.ThrowIfCancellationRequested();
            if (!rule.Rules.Any(document.Options.IsEnabled))
            {
                continue;
            }

            try
            {
                if (rule.AppliesTo(document))
                {
                    rule.Analyze(document, sink);
                }
            }
            catch (OperationCanceledException) when (document.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                var failed = string.Join(",", rule.Rules.Select(r => r.Id));
                sink.Report(
                    RuleCatalog.RuleFailure,
                    new TextRange(0, 0),
                    RuleCatalog.RuleFailure.FormatMessage(failed, ex.GetType().Name + ": " + FirstLine(ex.Message)),
                    failed + ":" + ex.GetType().FullName);
            }
        }

        return Finish(document, sink.Raw);
    }

    /// <summary>Applies configuration, suppressions and fingerprints to raw reports. Shared with hosts that produce raw reports themselves.</summary>
    public static IReadOnlyList<Finding> Finish(DocumentContext document, IEnumerable<RawReport> raw)
    {
        var results = new List<Finding>();
        InlineSuppressions? inline = null;
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var report in raw.OrderBy(r => r.Range.Start).ThenBy(r => r.Range.Length).ThenBy(r => r.Rule.Id, StringComparer.Ordinal))
        {
            var severity = document.Options.GetSeverity(report.Rule);
            if (severity == Severity.None)
            {
                continue;
            }

            var start = document.Lines.GetPosition(report.Range.Start);
            var end = document.Lines.GetPosition(report.Range.End);
            var content = report.FingerprintContent ?? SafeSlice(document.Text, report.Range);
            var key = report.Rule.Id + "\n" + Fingerprints.Normalize(content);
            occurrences.TryGetValue(key, out var seen);
            occurrences[key] = seen + 1;
            var finding = new Finding(report.Rule.Id, document.Path, report.Range, start, end, report.Message, severity, report.Properties)
            {
                Fingerprint = Fingerprints.Compute(report.Rule.Id, document.Path, content, seen),
            };

            inline ??= InlineSuppressions.Parse(document.Text, document.Lines);
            if (!inline.IsEmpty && inline.TryGet(report.Rule.Id, start.Line, out var reason))
            {
                finding = finding.With(suppression: SuppressionKind.InlineComment, justification: reason);
            }

            results.Add(finding);
        }

        results.Sort(Finding.Compare);
        return results;
    }

    private static string SafeSlice(string text, TextRange range)
    {
        var start = Math.Min(range.Start, text.Length);
        var length = Math.Min(range.Length, text.Length - start);
        return text.Substring(start, length);
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(new[] { '\r', '\n' });
        return newline >= 0 ? message.Substring(0, newline) : message;
    }

    private sealed class CollectingSink : IReportSink
    {
        private readonly DocumentContext _document;

        public CollectingSink(DocumentContext document) => _document = document;

        public List<RawReport> Raw { get; } = new();

        public void Report(RuleDescriptor rule, TextRange range, string message, string? fingerprintContent = null, IReadOnlyDictionary<string, string>? properties = null)
        {
            var start = Math.Max(0, Math.Min(range.Start, _document.Text.Length));
            var end = Math.Max(start, Math.Min(range.End, _document.Text.Length));
            Raw.Add(new RawReport(rule, TextRange.FromBounds(start, end), message, fingerprintContent, properties));
        }
    }
}

/// <summary>A check's report before configuration and suppressions are applied.</summary>
public sealed class RawReport
{
    public RawReport(RuleDescriptor rule, TextRange range, string message, string? fingerprintContent, IReadOnlyDictionary<string, string>? properties)
    {
        Rule = rule;
        Range = range;
        Message = message;
        FingerprintContent = fingerprintContent;
        Properties = properties;
    }

    public RuleDescriptor Rule { get; }

    public TextRange Range { get; }

    public string Message { get; }

    public string? FingerprintContent { get; }

    public IReadOnlyDictionary<string, string>? Properties { get; }
}
