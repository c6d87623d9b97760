using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Docker;

/// <summary>DL3022: ADD with a URL source and no <c>--checksum</c>.</summary>
internal sealed class DockerfileAddUrlRule : IacRule
{
    public DockerfileAddUrlRule()
        : base(RuleCatalog.DockerfileAddUrl)
    {
    }

    public override bool AppliesTo(DocumentContext document) => Dockerfile.AppliesTo(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var add in Dockerfile.Get(document).Instructions.Where(i => i.Keyword == "ADD"))
        {
            var tokens = add.Tokens().ToList();
            if (tokens.Any(t => t.Token.StartsWith("--checksum", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var operands = tokens.Where(t => !t.Token.StartsWith("--", StringComparison.Ordinal)).ToList();
            foreach (var source in operands.Take(Math.Max(0, operands.Count - 1)))
            {
                if (ShellPatterns.IsUrl(source.Token))
                {
                    sink.Report(RuleCatalog.DockerfileAddUrl, DockerfileFacts.Span(document, add, source.Start, source.End), RuleCatalog.DockerfileAddUrl.FormatMessage(source.Token));
                }
            }
        }
    }
}
