using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Kubernetes;

/// <summary>DL3009: a pod volume backed by a hostPath.</summary>
internal sealed class HostPathVolumeRule : IacRule
{
    public HostPathVolumeRule()
        : base(RuleCatalog.HostPathVolume)
    {
    }

    public override bool AppliesTo(DocumentContext document) => K8sObjects.AppliesTo(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload))
        {
            foreach (var item in workload.PodSpec!.Seq("volumes")?.Items ?? Enumerable.Empty<YNode>())
            {
                if (item is YMap volume && volume.GetPair("hostPath") is { } pair)
                {
                    var name = volume.Str("name") ?? "(unnamed)";
                    var path = (pair.Value as YMap)?.Str("path") ?? pair.Value.Text ?? "?";
                    Report(sink, document, RuleCatalog.HostPathVolume, pair.Key, workload.Name + "/" + name, name, path);
                }
            }
        }
    }
}
