using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>
/// DL3002: readiness and liveness probes on the serving containers of long-running workloads (Deployments, Argo
/// Rollouts, StatefulSets, ReplicaSets). Jobs and CronJobs run to completion, and a container that declares no
/// ports (a queue worker, a sidecar) receives no traffic to gate, so neither is reported. DaemonSets (node agents)
/// are left out too.
/// </summary>
internal sealed class MissingProbesRule : IacRule
{
    public MissingProbesRule()
        : base(RuleCatalog.MissingProbes)
    {
    }

    public override bool AppliesTo(DocumentContext document) => K8sObjects.AppliesTo(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var workload in K8sObjects.Get(document))
        {
            if (!(workload.IsDeploymentLike || workload.Kind is "StatefulSet" or "ReplicaSet") || workload.IsPatch)
            {
                continue;
            }

            foreach (var container in workload.Containers(includeInit: false))
            {
                if (!container.Map.Has("ports") || container.IsPartial)
                {
                    continue;
                }

                var readiness = container.Map.Has("readinessProbe");
                var liveness = container.Map.Has("livenessProbe");
                var missing = (readiness, liveness) switch
                {
                    (false, false) => "readiness or liveness probe",
                    (false, true) => "readiness probe",
                    (true, false) => "liveness probe",
                    _ => null,
                };
                if (missing != null)
                {
                    Report(sink, document, RuleCatalog.MissingProbes, container.Anchor, workload.Name + "/" + container.Name + "/" + missing, container.Name, missing);
                }
            }
        }
    }
}
