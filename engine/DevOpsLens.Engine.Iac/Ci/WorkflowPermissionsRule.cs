using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>
/// DL3033: a workflow with no top-level <c>permissions:</c> and at least one job without its own, or
/// <c>permissions: write-all</c> anywhere. Reusable workflows (only <c>on: workflow_call</c>) get the caller's
/// token and are not reported for a missing block.
/// </summary>
internal sealed class WorkflowPermissionsRule : IacRule
{
    public WorkflowPermissionsRule()
        : base(RuleCatalog.WorkflowPermissions)
    {
    }

    public override bool AppliesTo(DocumentContext document) => YamlFlavors.IsWorkflowPath(document.Path);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var doc in YamlFile.Get(document).Documents)
        {
            if (doc.RootMap is not { } root || root.GetPair("jobs") is not { } jobsPair)
            {
                continue;
            }

            CheckWriteAll(document, sink, root.GetPair("permissions"), "The workflow");
            var jobs = GitHubWorkflow.Jobs(root).ToList();
            foreach (var (id, _, job) in jobs)
            {
                CheckWriteAll(document, sink, job.GetPair("permissions"), "Job '" + id + "'");
            }

            var triggers = GitHubWorkflow.Triggers(root);
            if (root.Has("permissions") || (triggers.Count == 1 && triggers.Contains("workflow_call")))
            {
                continue;
            }

            var open = jobs.Where(j => !j.Job.Has("permissions")).Select(j => j.Id).ToList();
            if (open.Count > 0)
            {
                var message = "The workflow declares no permissions, so job" + (open.Count > 1 ? "s " : " ") + string.Join(", ", open.Select(j => "'" + j + "'"))
                    + (open.Count > 1 ? " run" : " runs") + " with the repository's default token scopes";
                sink.Report(RuleCatalog.WorkflowPermissions, Spans.Of(document.Text, jobsPair.Key), message, "no permissions");
            }
        }
    }

    private static void CheckWriteAll(DocumentContext document, IReportSink sink, YPair? pair, string owner)
    {
        if (pair?.Value is YScalar { Value: "write-all" })
        {
            sink.Report(RuleCatalog.WorkflowPermissions, Spans.Of(document.Text, pair), owner + " grants write-all, every token scope", owner + " write-all");
        }
    }
}
