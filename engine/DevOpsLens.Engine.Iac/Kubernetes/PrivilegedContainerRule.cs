using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Compose;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>DL3005: <c>privileged: true</c> on a Kubernetes container or a compose service.</summary>
internal sealed class PrivilegedContainerRule : IacRule
{
    public PrivilegedContainerRule()
        : base(RuleCatalog.PrivilegedContainer)
    {
    }

    public override bool AppliesTo(DocumentContext document) => K8sObjects.AppliesTo(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload))
        {
            foreach (var container in workload.Containers(includeInit: true))
            {
                var pair = container.Map.Map("securityContext")?.GetPair("privileged");
                if (pair != null && YamlValues.Bool(pair.Value) == true)
                {
                    Report(sink, document, RuleCatalog.PrivilegedContainer, pair, workload.Name + "/" + container.Name, container.Name);
                }
            }
        }

        foreach (var service in ComposeFile.Services(document))
        {
            var pair = service.Map.GetPair("privileged");
            if (pair != null && YamlValues.Bool(pair.Value) == true)
            {
                Report(sink, document, RuleCatalog.PrivilegedContainer, pair, service.Name, service.Name);
            }
        }
    }
}
