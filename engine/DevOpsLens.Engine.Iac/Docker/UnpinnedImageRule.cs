using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Compose;
using DevOpsLens.Engine.Iac.Kubernetes;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Docker;

/// <summary>
/// DL3004: an image with no tag or :latest in Kubernetes containers, compose services and Dockerfile FROM.
/// Templated references (<c>$IMAGE</c>, <c>{{ }}</c>) and FROM of an earlier stage or scratch are skipped;
/// FROM arguments are resolved with the defaults of ARGs declared before the first FROM. A compose service
/// with <c>build:</c> only names the image it builds, so its <c>image:</c> is not judged.
/// </summary>
internal sealed class UnpinnedImageRule : IacRule
{
    public UnpinnedImageRule()
        : base(RuleCatalog.UnpinnedImage)
    {
    }

    public override bool AppliesTo(DocumentContext document) => Dockerfile.AppliesTo(document) || YamlFlavors.IsYaml(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        if (Dockerfile.AppliesTo(document))
        {
            AnalyzeDockerfile(document, sink);
            return;
        }

        foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload))
        {
            foreach (var container in workload.Containers(includeInit: true))
            {
                Check(document, sink, container.Map["image"]);
            }
        }

        // With build:, image: names the image compose builds and tags, not one it pulls.
        foreach (var service in ComposeFile.Services(document).Where(s => !s.Map.Has("build")))
        {
            Check(document, sink, service.Map["image"]);
        }
    }

    private static void Check(DocumentContext document, IReportSink sink, YNode? node)
    {
        if (node is YScalar scalar && ImageReference.Parse(scalar.Value) is { } image && image.UnpinnedReason() is { } reason)
        {
            Report(sink, document, RuleCatalog.UnpinnedImage, scalar, null, scalar.Value.Trim(), reason);
        }
    }

    private static void AnalyzeDockerfile(DocumentContext document, IReportSink sink)
    {
        var file = Dockerfile.Get(document);
        foreach (var stage in file.Stages)
        {
            if (stage.ImageToken is not { } token || token.Image.Equals("scratch", StringComparison.OrdinalIgnoreCase) || file.StageNamed(token.Image, stage.Index) != null)
            {
                continue;
            }

            var resolved = file.ResolveGlobal(token.Image);
            if (resolved != null && file.StageNamed(resolved, stage.Index) == null && ImageReference.Parse(resolved) is { } image && image.UnpinnedReason() is { } reason)
            {
                sink.Report(RuleCatalog.UnpinnedImage, DockerfileFacts.Span(document, stage.From, token.Start, token.End), RuleCatalog.UnpinnedImage.FormatMessage(resolved, reason));
            }
        }
    }
}
