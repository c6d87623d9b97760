using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>
/// DL3003: a Deployment or StatefulSet whose explicit <c>replicas</c> is below <c>min_replicas</c> (default 2) and
/// that no HorizontalPodAutoscaler or KEDA ScaledObject in the same folder scales. An omitted replicas field is
/// not reported (it is usually left to an autoscaler); <c>replicas: 0</c> is a deliberate scale-down.
/// </summary>
internal sealed class SingleReplicaRule : IRepositoryRule
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.SingleReplica };

    public bool IsRelevant(string path) => RepositoryManifests.IsManifestPath(path);

    public bool ReportsOn(string path) => IsRelevant(path);

    public IEnumerable<RepositoryReport> Analyze(IReadOnlyList<DocumentContext> documents, CancellationToken cancellationToken)
    {
        var reports = new List<RepositoryReport>();
        foreach (var folder in RepositoryManifests.ByFolder(documents, cancellationToken))
        {
            var scaled = RepositoryManifests.AutoscaledTargets(folder.Select(x => x.Object), out _);
            foreach (var (document, o) in folder)
            {
                if (o.Kind is not ("Deployment" or "StatefulSet") || o.IsPatch || o.Root.Map("spec")?["replicas"] is not { } replicasNode || scaled.Contains(o.Kind + "/" + o.Name))
                {
                    continue;
                }

                var min = document.Options.GetInt(RuleCatalog.SingleReplica, "min_replicas", 2);
                var replicas = YamlValues.Int(replicasNode);
                if (replicas is { } n && n > 0 && n < min)
                {
                    var message = RuleCatalog.SingleReplica.FormatMessage(o.Kind, o.Name, n, min);
                    reports.Add(RepositoryManifests.Report(document, RuleCatalog.SingleReplica, Spans.Of(document.Text, replicasNode), message, o.Kind + "/" + o.Name + "/replicas"));
                }
            }
        }

        return reports;
    }
}
