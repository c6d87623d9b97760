using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Common;

/// <summary>Shared plumbing of the IaC document checks: the rule list and a report helper with exact spans.</summary>
internal abstract class IacRule : IDocumentRule
{
    protected IacRule(params RuleDescriptor[] rules) => Rules = rules;

    public IReadOnlyList<RuleDescriptor> Rules { get; }

    public abstract bool AppliesTo(DocumentContext document);

    public abstract void Analyze(DocumentContext document, IReportSink sink);

    protected static void Report(IReportSink sink, DocumentContext document, RuleDescriptor rule, YNode node, string? fingerprint, params object?[] args) =>
        sink.Report(rule, Spans.Of(document.Text, node), rule.FormatMessage(args), fingerprint);

    protected static void Report(IReportSink sink, DocumentContext document, RuleDescriptor rule, YPair pair, string? fingerprint, params object?[] args) =>
        sink.Report(rule, Spans.Of(document.Text, pair), rule.FormatMessage(args), fingerprint);
}
