using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>
/// DL3001: CPU and memory requests and a memory limit on every main container. A CPU limit is not required: many
/// teams leave it out on purpose to avoid throttling. A request left out next to a limit for the same resource is
/// not missing: Kubernetes defaults the request to the limit (the Guaranteed QoS shorthand).
/// </summary>
internal sealed class MissingResourcesRule : IacRule
{
    public MissingResourcesRule()
        : base(RuleCatalog.MissingResources)
    {
    }

    public override bool AppliesTo(DocumentContext document) => K8sObjects.AppliesTo(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload && !o.IsPatch))
        {
            foreach (var container in workload.Containers(includeInit: false).Where(c => !c.IsPartial))
            {
                var pair = container.Map.GetPair("resources");
                if (pair?.Value is not YMap resources || resources.Pairs.Count == 0)
                {
                    var anchor = pair != null ? pair.Key : container.Anchor;
                    Report(sink, document, RuleCatalog.MissingResources, anchor, workload.Name + "/" + container.Name, container.Name, "resources block (CPU and memory requests, a memory limit)");
                    continue;
                }

                var requests = resources.Map("requests");
                var limits = resources.Map("limits");
                var missing = new List<string>();
                if (!(requests?.Has("cpu") ?? false) && !(limits?.Has("cpu") ?? false))
                {
                    missing.Add("CPU request");
                }

                if (!(requests?.Has("memory") ?? false) && !(limits?.Has("memory") ?? false))
                {
                    missing.Add("memory request");
                }

                if (!(limits?.Has("memory") ?? false))
                {
                    missing.Add("memory limit");
                }

                if (missing.Count > 0)
                {
                    Report(sink, document, RuleCatalog.MissingResources, pair.Key, workload.Name + "/" + container.Name, container.Name, string.Join(", ", missing));
                }
            }
        }
    }
}
