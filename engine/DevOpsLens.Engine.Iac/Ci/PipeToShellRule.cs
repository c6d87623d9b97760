using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Documents;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Docker;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>DL3023: a download piped into an interpreter in Dockerfile RUN, pipeline scripts and shell scripts.</summary>
internal sealed class PipeToShellRule : IacRule
{
    public PipeToShellRule()
        : base(RuleCatalog.PipeToShell)
    {
    }

    public override bool AppliesTo(DocumentContext document) =>
        document.Kind is DocumentKind.Dockerfile or DocumentKind.Shell or DocumentKind.PowerShell or DocumentKind.Yaml;

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        switch (document.Kind)
        {
            case DocumentKind.Dockerfile:
                foreach (var run in Dockerfile.Get(document).Instructions.Where(i => i.Keyword == "RUN"))
                {
                    foreach (var (start, end, source) in ShellPatterns.FindPipeToShell(run.Args.Text))
                    {
                        sink.Report(RuleCatalog.PipeToShell, DockerfileFacts.Span(document, run, start, end), RuleCatalog.PipeToShell.FormatMessage(source), source);
                    }
                }

                break;
            case DocumentKind.Shell:
            case DocumentKind.PowerShell:
                ReportIn(document, sink, 0, document.Text.Length);
                break;
            default:
                if (CiScripts.IsPipeline(YamlFlavors.GetFileFlavor(document)))
                {
                    foreach (var script in CiScripts.Get(document))
                    {
                        ReportIn(document, sink, script.Node.Start, script.Node.End);
                    }
                }

                break;
        }
    }

    /// <summary>True when the match sits on a shell comment line (<c># curl … | sh</c> in install notes).</summary>
    private static bool IsCommentedOut(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] != '\n' && text[i] != '\r')
        {
            i--;
        }

        var first = i + 1;
        while (first < index && (text[first] == ' ' || text[first] == '\t'))
        {
            first++;
        }

        return first < text.Length && text[first] == '#';
    }

    private static void ReportIn(DocumentContext document, IReportSink sink, int start, int end)
    {
        var text = document.Text.Substring(start, end - start);
        foreach (var (s, e, source) in ShellPatterns.FindPipeToShell(text))
        {
            if (IsCommentedOut(text, s))
            {
                continue;
            }

            sink.Report(RuleCatalog.PipeToShell, Spans.Of(document.Text, start + s, start + e), RuleCatalog.PipeToShell.FormatMessage(source), source);
        }
    }
}
