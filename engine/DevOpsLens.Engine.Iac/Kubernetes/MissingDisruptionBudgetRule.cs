using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>
/// DL3008: a Deployment (or Argo Rollout) or StatefulSet with two or more replicas (explicit, or an autoscaler's minReplicas) and no
/// PodDisruptionBudget in the same folder and namespace whose selector matches its pod labels. A PDB selecting
/// with matchExpressions only is assumed to match.
/// </summary>
internal sealed class MissingDisruptionBudgetRule : IRepositoryRule
{
    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MissingDisruptionBudget };

    public bool IsRelevant(string path) => RepositoryManifests.IsManifestPath(path);

    public bool ReportsOn(string path) => IsRelevant(path);

    public IEnumerable<RepositoryReport> Analyze(IReadOnlyList<DocumentContext> documents, CancellationToken cancellationToken)
    {
        var reports = new List<RepositoryReport>();
        foreach (var folder in RepositoryManifests.ByFolder(documents, cancellationToken))
        {
            var objects = folder.Select(x => x.Object).ToList();
            RepositoryManifests.AutoscaledTargets(objects, out var minReplicas);
            var budgets = objects.Where(o => o.Kind == "PodDisruptionBudget").ToList();
            foreach (var (document, o) in folder)
            {
                if (!(o.IsDeploymentLike || o.Kind == "StatefulSet") || o.IsPatch)
                {
                    continue;
                }

                var replicas = YamlValues.Int(o.Root.Map("spec")?["replicas"]);
                if (minReplicas.TryGetValue(o.Kind + "/" + o.Name, out var min))
                {
                    replicas = min;
                }

                if (replicas is not { } n || n < 2)
                {
                    continue;
                }

                var labels = o.PodLabels;
                if (budgets.Any(b => string.Equals(b.Namespace, o.Namespace, StringComparison.Ordinal) && Selects(b, labels)))
                {
                    continue;
                }

                reports.Add(RepositoryManifests.Report(document, RuleCatalog.MissingDisruptionBudget, Spans.Of(document.Text, o.NameAnchor), RuleCatalog.MissingDisruptionBudget.FormatMessage(o.Kind, o.Name, n), o.Kind + "/" + o.Name + "/pdb"));
            }
        }

        return reports;
    }

    private static bool Selects(K8sObject budget, IReadOnlyDictionary<string, string> labels)
    {
        var selector = budget.Root.Map("spec")?.Map("selector");
        if (selector == null)
        {
            return false;
        }

        var match = K8sObject.Labels(selector.Map("matchLabels"));
        if (match.Count == 0)
        {
            return selector.Has("matchExpressions");
        }

        return match.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}
