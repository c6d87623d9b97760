using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>Kubernetes objects of a repository grouped by folder, for checks that look at sibling manifests.</summary>
internal static class RepositoryManifests
{
    public static bool IsManifestPath(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<IGrouping<string, (DocumentContext Document, K8sObject Object)>> ByFolder(IReadOnlyList<DocumentContext> documents, CancellationToken cancellationToken)
    {
        var all = new List<(DocumentContext, K8sObject)>();
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsManifestPath(document.Path))
            {
                continue;
            }

            foreach (var o in K8sObjects.Get(document))
            {
                all.Add((document, o));
            }
        }

        return all.GroupBy(x => Folder(x.Item1.Path), StringComparer.Ordinal);
    }

    public static string Folder(string path)
    {
        var p = path.Replace('\\', '/');
        var slash = p.LastIndexOf('/');
        return slash >= 0 ? p.Substring(0, slash) : string.Empty;
    }

    /// <summary>Autoscalers (HPA, KEDA ScaledObject) of the folder, as "Kind/name" of their targets.</summary>
    public static HashSet<string> AutoscaledTargets(IEnumerable<K8sObject> objects, out Dictionary<string, long> minReplicas)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        minReplicas = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (o.Kind is not ("HorizontalPodAutoscaler" or "ScaledObject") || o.Root.Map("spec") is not { } spec || spec.Map("scaleTargetRef") is not { } target)
            {
                continue;
            }

            var key = (target.Str("kind") ?? "Deployment") + "/" + target.Str("name");
            targets.Add(key);
            var min = YamlValues.Int(spec["minReplicas"] ?? spec["minReplicaCount"]) ?? 1;
            minReplicas[key] = min;
        }

        return targets;
    }

    public static RepositoryReport Report(DocumentContext document, RuleDescriptor rule, TextRange range, string message, string? fingerprint) =>
        new(document, new RawReport(rule, range, message, fingerprint, null));
}
