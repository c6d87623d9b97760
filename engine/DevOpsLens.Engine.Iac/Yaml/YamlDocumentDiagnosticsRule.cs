using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Iac.Yaml;

/// <summary>
/// DL9005 for YAML the parser rejects (one finding, at the parser's position, with its message) and DL9004 for
/// unrendered Helm templates, which are skipped rather than reported as malformed. Structural rules see no
/// documents in either case; text rules (secrets) still run on the file.
/// </summary>
internal sealed class YamlDocumentDiagnosticsRule : IacRule
{
    public YamlDocumentDiagnosticsRule()
        : base(RuleCatalog.MalformedDocument, RuleCatalog.FileSkipped)
    {
    }

    public override bool AppliesTo(DocumentContext document) => YamlFlavors.IsYaml(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        var file = YamlFile.Get(document);
        if (file.Error is { } error)
        {
            var line = document.Lines.GetLine(error.Start);
            var end = error.End > error.Start ? error.End : document.Lines.GetLineEnd(line, document.Text);
            var range = Spans.Of(document.Text, error.Start, end);
            sink.Report(RuleCatalog.MalformedDocument, range, RuleCatalog.MalformedDocument.FormatMessage("YAML", error.Message), "yaml:" + error.Message);
        }
        else if (file.SkipReason is { } reason)
        {
            sink.Report(RuleCatalog.FileSkipped, new TextRange(0, 0), RuleCatalog.FileSkipped.FormatMessage(reason), "template");
        }
    }
}
