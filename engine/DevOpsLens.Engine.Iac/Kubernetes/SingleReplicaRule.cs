using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>
/// DL3003: a Deployment (or Argo Rollout) or StatefulSet whose explicit <c>replicas</c> is below <c>min_replicas</c> (default 2) and
/// that no HorizontalPodAutoscaler or KEDA ScaledObject in the same folder scales. An omitted replicas field is
/// not reported (it is usually left to an autoscaler); <c>replicas: 0</c> is a deliberate scale-down. Two shapes
/// of deliberate single replicas are not reported either: a pod that mounts a PersistentVolumeClaim (a
/// ReadWriteOnce volume attaches to one node, so a second replica could not start) or that writes its data to a
/// hostPath directory (node-local state: a second replica would not see it, or would share it unsafely on the same
/// node; DL3009 reports the hostPath itself), and a versioned workload
/// (reviews-v1, reviews-v2…) whose Service also sends traffic to sibling workloads that together run enough pods.
/// Manifests of a development environment (a <c>dev</c>, <c>development</c> or <c>local</c> folder or namespace)
/// run one replica on purpose and are not reported.
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
            var services = folder.Select(x => x.Object).Where(o => o.Kind == "Service").ToList();
            var workloads = folder.Select(x => x.Object).Where(o => (o.IsDeploymentLike || o.Kind == "StatefulSet") && !o.IsPatch).ToList();
            foreach (var (document, o) in folder)
            {
                if (!(o.IsDeploymentLike || o.Kind == "StatefulSet") || o.IsPatch || o.Root.Map("spec")?["replicas"] is not { } replicasNode || scaled.Contains(o.Kind + "/" + o.Name)
                    || IsDevelopment(document.Path, o.Namespace))
                {
                    continue;
                }

                var min = document.Options.GetInt(RuleCatalog.SingleReplica, "min_replicas", 2);
                var replicas = YamlValues.Int(replicasNode);
                if (replicas is { } n && n > 0 && n < min && !MountsClaim(o) && !WritesHostPathData(o) && ServedReplicas(o, services, workloads) < min)
                {
                    var message = RuleCatalog.SingleReplica.FormatMessage(o.Kind, o.Name, n, min);
                    reports.Add(RepositoryManifests.Report(document, RuleCatalog.SingleReplica, Spans.Of(document.Text, replicasNode), message, o.Kind + "/" + o.Name + "/replicas"));
                }
            }
        }

        return reports;
    }

    private static readonly HashSet<string> DevelopmentNames = new(StringComparer.OrdinalIgnoreCase) { "dev", "development", "local" };

    private static bool IsDevelopment(string path, string? ns) =>
        (ns != null && DevelopmentNames.Contains(ns.Trim())) || RepositoryManifests.Folder(path).Split('/').Any(DevelopmentNames.Contains);

    private static bool MountsClaim(K8sObject workload) =>
        workload.PodSpec?.Seq("volumes")?.Items.Any(v => v is YMap volume && volume.Has("persistentVolumeClaim")) ?? false;

    /// <summary>
    /// A hostPath directory mounted read-write by a container. Sockets, devices and single files (the Docker socket,
    /// a kubelet config) are node plumbing, not the workload's own state, and do not make it a singleton.
    /// </summary>
    private static bool WritesHostPathData(K8sObject workload)
    {
        var dataVolumes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in (workload.PodSpec?.Seq("volumes")?.Items ?? Enumerable.Empty<YNode>()).OfType<YMap>())
        {
            if (volume.Map("hostPath") is not { } hostPath || volume.Str("name") is not { } name)
            {
                continue;
            }

            var type = hostPath.Str("type")?.Trim() ?? string.Empty;
            var path = hostPath.Str("path")?.Trim() ?? string.Empty;
            var isDirectory = type.Length == 0 || type.StartsWith("Directory", StringComparison.Ordinal);
            if (isDirectory && !path.EndsWith(".sock", StringComparison.Ordinal))
            {
                dataVolumes.Add(name);
            }
        }

        return dataVolumes.Count > 0 && workload.Containers(includeInit: false).Any(c =>
            (c.Map.Seq("volumeMounts")?.Items ?? Enumerable.Empty<YNode>()).OfType<YMap>().Any(m =>
                m.Str("name") is { } n && dataVolumes.Contains(n) && YamlValues.Bool(m["readOnly"]) != true));
    }

    /// <summary>
    /// The pods behind the Services that select this workload: its own replicas, plus those of the sibling versions
    /// (same namespace, same main container name) that one of those Services also selects. Workloads that merely
    /// share a broad selector (an api and its database) do not stand in for each other. An omitted replicas counts
    /// as one pod.
    /// </summary>
    private static long ServedReplicas(K8sObject workload, List<K8sObject> services, List<K8sObject> workloads)
    {
        long best = 0;
        foreach (var service in services.Where(s => string.Equals(s.Namespace, workload.Namespace, StringComparison.Ordinal)))
        {
            var selector = K8sObject.Labels(service.Root.Map("spec")?.Map("selector"));
            if (selector.Count == 0 || !Selects(selector, workload.PodLabels))
            {
                continue;
            }

            var container = MainContainer(workload);
            var total = workloads.Where(w => string.Equals(w.Namespace, workload.Namespace, StringComparison.Ordinal) && Selects(selector, w.PodLabels)
                    && string.Equals(MainContainer(w), container, StringComparison.Ordinal))
                .Sum(w => YamlValues.Int(w.Root.Map("spec")?["replicas"]) ?? 1);
            best = Math.Max(best, total);
        }

        return best;
    }

    private static string? MainContainer(K8sObject workload) => workload.Containers(includeInit: false).FirstOrDefault()?.Map.Str("name");

    private static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
