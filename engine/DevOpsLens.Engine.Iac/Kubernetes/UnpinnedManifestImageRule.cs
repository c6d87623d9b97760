using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>
/// DL3004 for Kubernetes containers. It runs over the repository because the tag is often not in the manifest:
/// kustomize's <c>images:</c> (in the base or in any overlay) and skaffold's <c>build.artifacts</c> replace the
/// image reference when the manifests are rendered, so a base that says <c>image: orders</c> is pinned where it
/// is deployed. Images named there are not reported; every other untagged or <c>:latest</c> image is.
/// </summary>
internal sealed class UnpinnedManifestImageRule : IRepositoryRule
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.UnpinnedImage };

    public bool IsRelevant(string path) => RepositoryManifests.IsManifestPath(path);

    public bool ReportsOn(string path) => RepositoryManifests.IsManifestPath(path);

    public IEnumerable<RepositoryReport> Analyze(IReadOnlyList<DocumentContext> documents, CancellationToken cancellationToken)
    {
        var rendered = RenderedImages(documents, cancellationToken);
        var reports = new List<RepositoryReport>();
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!RepositoryManifests.IsManifestPath(document.Path))
            {
                continue;
            }

            foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload))
            {
                foreach (var container in workload.Containers(includeInit: true))
                {
                    if (container.Map["image"] is YScalar scalar && ImageReference.Parse(scalar.Value) is { } image && image.UnpinnedReason() is { } reason
                        && !rendered.Contains(image.Repository))
                    {
                        reports.Add(RepositoryManifests.Report(document, RuleCatalog.UnpinnedImage, Spans.Of(document.Text, scalar), RuleCatalog.UnpinnedImage.FormatMessage(scalar.Value.Trim(), reason), null));
                    }
                }
            }
        }

        return reports;
    }

    /// <summary>
    /// Image names that a kustomization rewrites with a tag or digest (<c>images: - name: orders, newTag: 1.4.2</c>)
    /// and images that skaffold builds and tags (<c>build.artifacts[].image</c>).
    /// </summary>
    private static HashSet<string> RenderedImages(IReadOnlyList<DocumentContext> documents, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = System.IO.Path.GetFileName(document.Path);
            var kustomization = file.Equals("kustomization.yaml", StringComparison.OrdinalIgnoreCase) || file.Equals("kustomization.yml", StringComparison.OrdinalIgnoreCase);
            var skaffold = file.StartsWith("skaffold", StringComparison.OrdinalIgnoreCase) && RepositoryManifests.IsManifestPath(file);
            if (!kustomization && !skaffold)
            {
                continue;
            }

            foreach (var root in YamlFile.Get(document).Documents.Select(d => d.RootMap).Where(m => m != null))
            {
                if (kustomization)
                {
                    foreach (var entry in root!.Seq("images")?.Items.OfType<YMap>() ?? Enumerable.Empty<YMap>())
                    {
                        if (entry.Str("name") is { Length: > 0 } name && (entry.Has("newTag") || entry.Has("digest")))
                        {
                            names.Add(name.Trim());
                        }
                    }
                }
                else
                {
                    foreach (var artifact in root!.Map("build")?.Seq("artifacts")?.Items.OfType<YMap>() ?? Enumerable.Empty<YMap>())
                    {
                        if (artifact.Str("image") is { Length: > 0 } image)
                        {
                            names.Add(image.Trim());
                        }
                    }
                }
            }
        }

        return names;
    }
}
