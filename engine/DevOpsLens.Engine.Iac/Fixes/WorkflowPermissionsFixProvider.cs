using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Engine.Iac.Fixes;

/// <summary>DL3033: adds a top-level <c>permissions: contents: read</c> block before <c>jobs:</c>.</summary>
internal sealed class WorkflowPermissionsFixProvider : IFixProvider
{
    public IReadOnlyList<string> FixableRuleIds { get; } = new[] { RuleCatalog.WorkflowPermissions.Id };

    public IEnumerable<TextFix> GetFixes(DocumentContext document, Finding finding)
    {
        if (finding.RuleId != RuleCatalog.WorkflowPermissions.Id)
        {
            yield break;
        }

        foreach (var doc in YamlFile.Get(document).Documents)
        {
            var jobs = doc.RootMap?.GetPair("jobs");
            if (jobs == null || doc.RootMap!.Has("permissions") || jobs.Key.Start != finding.Range.Start)
            {
                continue;
            }

            var text = document.Text;
            var nl = FixText.NewLine(text);
            var lineStart = FixText.LineStart(text, jobs.Key.Start);
            var indent = text.Substring(lineStart, jobs.Key.Start - lineStart);
            var block = indent + "permissions:" + nl + indent + "  contents: read" + nl + nl;
            yield return new TextFix("Add 'permissions: contents: read'", new[] { new TextEdit(new TextRange(lineStart, 0), block) }, "DL3033.permissions");
        }
    }
}
