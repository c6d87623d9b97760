using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>A container entry of a pod spec.</summary>
internal sealed class K8sContainer
{
    public K8sContainer(YMap map, bool isInit)
    {
        Map = map;
        IsInit = isInit;
    }

    public YMap Map { get; }

    public bool IsInit { get; }

    public string Name => Map.Str("name") ?? Map.Str("image") ?? "(unnamed)";

    /// <summary>A container entry without an image only patches another definition.</summary>
    public bool IsPartial => !Map.Has("image");

    /// <summary>Where container-level findings sit: the name value, else the image, else the entry.</summary>
    public YNode Anchor => (YNode?)Map.GetPair("name")?.Value ?? (YNode?)Map.GetPair("image")?.Value ?? Map;

    public IEnumerable<(YScalar Name, YMap Entry)> Env()
    {
        foreach (var item in Map.Seq("env")?.Items ?? Enumerable.Empty<YNode>())
        {
            if (item is YMap entry && entry["name"] is YScalar name)
            {
                yield return (name, entry);
            }
        }
    }
}

/// <summary>A Kubernetes object of one document, with its pod spec when it is a workload.</summary>
internal sealed class K8sObject
{
    public K8sObject(YMap root, string kind)
    {
        Root = root;
        Kind = kind;
    }

    public YMap Root { get; }

    public string Kind { get; }

    public string Name => Root.Map("metadata")?.Str("name") ?? "(unnamed)";

    public string? Namespace => Root.Map("metadata")?.Str("namespace");

    public YNode NameAnchor => (YNode?)Root.Map("metadata")?.GetPair("name")?.Value ?? Root.GetPair("kind")!.Value;

    /// <summary>
    /// The pod template (metadata + spec) for controllers, the object itself for a Pod. An Argo Rollout replaces a
    /// Deployment and carries the same template (unless it points at a Deployment with <c>workloadRef</c>).
    /// </summary>
    public YMap? PodTemplate => Kind switch
    {
        "Pod" => Root,
        "CronJob" => Root.Map("spec")?.Map("jobTemplate")?.Map("spec")?.Map("template"),
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job" => Root.Map("spec")?.Map("template"),
        "Rollout" when IsArgoRollout => Root.Map("spec")?.Map("template"),
        _ => null,
    };

    /// <summary>A long-running, replicated workload: a Deployment, or an Argo Rollout that stands in for one.</summary>
    public bool IsDeploymentLike => Kind == "Deployment" || (Kind == "Rollout" && IsArgoRollout);

    private bool IsArgoRollout => Root.Str("apiVersion")?.StartsWith("argoproj.io/", StringComparison.Ordinal) ?? false;

    public YMap? PodSpec => PodTemplate?.Map("spec");

    public bool IsWorkload => PodSpec != null;

    /// <summary>
    /// A kustomize / strategic-merge patch rather than a full object: a controller without <c>spec.selector</c>
    /// (required by apps/v1). Patches only restate what they change, so rules about what is missing skip them.
    /// The pre-1.16 APIs (extensions/v1beta1, apps/v1beta1) defaulted the selector from the template labels, so a
    /// controller of those versions whose containers name their images is a complete object, not a patch.
    /// </summary>
    public bool IsPatch => (Kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" || IsDeploymentLike) && !(Root.Map("spec")?.Has("selector") ?? false)
        && !(IsLegacyApi && Containers(includeInit: false).Any() && Containers(includeInit: false).All(c => !c.IsPartial));

    private bool IsLegacyApi => Root.Str("apiVersion") is "extensions/v1beta1" or "apps/v1beta1";

    public IReadOnlyDictionary<string, string> PodLabels => Labels(PodTemplate?.Map("metadata")?.Map("labels"));

    public IEnumerable<K8sContainer> Containers(bool includeInit)
    {
        foreach (var item in PodSpec?.Seq("containers")?.Items ?? Enumerable.Empty<YNode>())
        {
            if (item is YMap map)
            {
                yield return new K8sContainer(map, false);
            }
        }

        if (!includeInit)
        {
            yield break;
        }

        foreach (var item in PodSpec?.Seq("initContainers")?.Items ?? Enumerable.Empty<YNode>())
        {
            if (item is YMap map)
            {
                yield return new K8sContainer(map, true);
            }
        }
    }

    public static IReadOnlyDictionary<string, string> Labels(YMap? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in map?.Entries ?? Enumerable.Empty<YPair>())
        {
            if (pair.KeyText is { } k && pair.Value.Text is { } v)
            {
                result[k] = v;
            }
        }

        return result;
    }
}

internal static class K8sObjects
{
    public static bool AppliesTo(DocumentContext document) => YamlFlavors.IsYaml(document);

    /// <summary>Every Kubernetes object of the file (items of a <c>kind: List</c> included), parsed once per document.</summary>
    public static IReadOnlyList<K8sObject> Get(DocumentContext document) =>
        document.GetOrAdd("iac.k8s", d =>
        {
            var list = new List<K8sObject>();
            if (YamlFlavors.GetFileFlavor(d) != YamlFlavor.Kubernetes)
            {
                return list;
            }

            foreach (var doc in YamlFile.Get(d).Documents)
            {
                if (doc.RootMap is not { } root || !YamlFlavors.IsKubernetes(doc))
                {
                    continue;
                }

                var kind = root.Str("kind")!;
                if (kind == "List")
                {
                    foreach (var item in root.Seq("items")?.Items ?? Enumerable.Empty<YNode>())
                    {
                        if (item is YMap m && m.Str("kind") is { } k)
                        {
                            list.Add(new K8sObject(m, k));
                        }
                    }
                }
                else
                {
                    list.Add(new K8sObject(root, kind));
                }
            }

            return list;
        });
}
