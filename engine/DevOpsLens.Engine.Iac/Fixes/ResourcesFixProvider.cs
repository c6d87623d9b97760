using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Kubernetes;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Fixes;

/// <summary>
/// DL3001: inserts a resources skeleton (CPU and memory requests, a memory limit) into a container that has no
/// resources block. The numbers are starting points to tune, which the fix title says.
/// </summary>
internal sealed class ResourcesFixProvider : IFixProvider
{
    public IReadOnlyList<string> FixableRuleIds { get; } = new[] { RuleCatalog.MissingResources.Id };

    public IEnumerable<TextFix> GetFixes(DocumentContext document, Finding finding)
    {
        if (finding.RuleId != RuleCatalog.MissingResources.Id)
        {
            yield break;
        }

        foreach (var workload in K8sObjects.Get(document).Where(o => o.IsWorkload))
        {
            foreach (var container in workload.Containers(includeInit: false))
            {
                if (container.Map.Has("resources") || !Spans.Of(document.Text, container.Anchor).Equals(finding.Range))
                {
                    continue;
                }

                var text = document.Text;
                var nl = FixText.NewLine(text);
                var firstKey = container.Map.Pairs[0].Key;
                var indent = new string(' ', firstKey.Start - FixText.LineStart(text, firstKey.Start));
                var after = container.Map["image"] ?? firstKey;
                var at = FixText.LineEnd(text, after.End > after.Start ? after.End - 1 : after.Start);
                var block = nl + indent + "resources:" + nl
                    + indent + "  requests:" + nl
                    + indent + "    cpu: 100m" + nl
                    + indent + "    memory: 128Mi" + nl
                    + indent + "  limits:" + nl
                    + indent + "    memory: 256Mi";
                yield return new TextFix("Add a resources block (tune the values)", new[] { new TextEdit(new Text.TextRange(at, 0), block) }, "DL3001.resources");
                yield break;
            }
        }
    }
}
