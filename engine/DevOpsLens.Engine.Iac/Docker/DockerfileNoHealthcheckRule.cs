using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Docker;

/// <summary>
/// DL3025: a service image (its final stage EXPOSEs a port) with no HEALTHCHECK. Images without EXPOSE (tools,
/// workers, build images) are not judged, nor are development containers (<c>.devcontainer/</c>);
/// <c>HEALTHCHECK NONE</c> is an explicit decision and is accepted.
/// </summary>
internal sealed class DockerfileNoHealthcheckRule : IacRule
{
    public DockerfileNoHealthcheckRule()
        : base(RuleCatalog.DockerfileNoHealthcheck)
    {
    }

    public override bool AppliesTo(DocumentContext document) => Dockerfile.AppliesTo(document) && !Dockerfile.IsDevContainer(document.Path);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        var file = Dockerfile.Get(document);
        if (file.FinalStage is not { } final)
        {
            return;
        }

        var chain = DockerfileFacts.Chain(file, final).ToList();
        var instructions = chain.SelectMany(s => s.Instructions).ToList();
        if (instructions.Any(i => i.Keyword == "EXPOSE") && !instructions.Any(i => i.Keyword == "HEALTHCHECK"))
        {
            sink.Report(RuleCatalog.DockerfileNoHealthcheck, DockerfileFacts.FirstLine(document, final.From), RuleCatalog.DockerfileNoHealthcheck.FormatMessage(), "no HEALTHCHECK");
        }
    }
}
