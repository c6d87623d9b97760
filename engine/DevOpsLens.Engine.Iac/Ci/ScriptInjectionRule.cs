using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>
/// DL3032: attacker-controlled event data pasted into a script before the shell parses it.
/// GitHub: <c>${{ github.event.issue.title }}</c>, <c>${{ github.head_ref }}</c>… inside <c>run:</c> or
/// actions/github-script's <c>script:</c>. Azure Pipelines: <c>$(Build.SourceVersionMessage)</c>,
/// <c>$(System.PullRequest.SourceBranch)</c> and other macros holding text an outsider (a fork's branch, a commit,
/// a display name) controls; the repository's own branch names (<c>Build.SourceBranchName</c>) need push access
/// and are not reported. GitLab passes variables as environment variables (no textual
/// paste), so only re-evaluation of untrusted variables (<c>eval</c>, <c>sh -c</c>) is reported there.
/// </summary>
internal sealed class ScriptInjectionRule : IacRule
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex GitHubUntrusted = new(
        @"\bgithub\.(?:head_ref|event\.(?:(?:issue|pull_request|discussion)\.(?:title|body)|(?:comment|review|review_comment)\.body"
        + @"|pull_request\.head\.(?:ref|label|repo\.default_branch)|(?:head_commit|workflow_run\.head_commit)\.(?:message|author\.(?:email|name))"
        + @"|commits(?:\[\d+\]|\.\*)?\.(?:message|author\.(?:email|name))|pages(?:\[\d+\]|\.\*)?\.page_name"
        + @"|workflow_run\.(?:head_branch|display_title)))\b",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Regex AzureUntrusted = new(
        @"\$\(\s*(Build\.SourceVersionMessage|Build\.RequestedFor|Build\.RequestedForEmail|Build\.SourceVersionAuthor|System\.PullRequest\.SourceBranch|System\.PullRequest\.SourceBranchName|System\.PullRequest\.PullRequestTitle)\s*\)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        Timeout);

    private static readonly Regex GitLabReevaluated = new(
        @"\b(?:eval|(?:ba|z|da)?sh\s+-c)\b[^\n]*?(\$\{?(CI_COMMIT_(?:MESSAGE|TITLE|DESCRIPTION|BRANCH|REF_NAME|TAG_MESSAGE|AUTHOR)|CI_MERGE_REQUEST_(?:TITLE|DESCRIPTION|SOURCE_BRANCH_NAME)|CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME)\b\}?)",
        RegexOptions.CultureInvariant,
        Timeout);

    public ScriptInjectionRule()
        : base(RuleCatalog.ScriptInjection)
    {
    }

    public override bool AppliesTo(DocumentContext document) => YamlFlavors.IsYaml(document);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        var flavor = YamlFlavors.GetFileFlavor(document);
        var text = document.Text;
        switch (flavor)
        {
            case YamlFlavor.GitHubWorkflow:
                var nodes = CiScripts.Get(document).Select(s => s.Node).ToList();
                foreach (var doc in YamlFile.Get(document).Documents)
                {
                    if (doc.RootMap is { } root)
                    {
                        nodes.AddRange(GitHubWorkflow.Steps(root)
                            .Where(s => s.Step.Str("uses")?.StartsWith("actions/github-script", StringComparison.OrdinalIgnoreCase) == true)
                            .Select(s => s.Step.Map("with")?["script"]).OfType<YScalar>());
                    }
                }

                foreach (var node in nodes)
                {
                    foreach (var (start, end, inner) in Expressions.Find(text, node.Start, node.End))
                    {
                        var m = GitHubUntrusted.Match(inner);
                        if (m.Success)
                        {
                            sink.Report(RuleCatalog.ScriptInjection, Spans.Of(text, start, end), RuleCatalog.ScriptInjection.FormatMessage(m.Value), m.Value);
                        }
                    }
                }

                break;
            case YamlFlavor.AzurePipelines:
                ReportMatches(document, sink, AzureUntrusted, 0);
                break;
            case YamlFlavor.GitLabCi:
                ReportMatches(document, sink, GitLabReevaluated, 1);
                break;
        }
    }

    private static void ReportMatches(DocumentContext document, IReportSink sink, Regex regex, int group)
    {
        foreach (var script in CiScripts.Get(document))
        {
            var slice = document.Text.Substring(script.Node.Start, script.Node.End - script.Node.Start);
            foreach (Match m in regex.Matches(slice))
            {
                var g = m.Groups[group];
                sink.Report(RuleCatalog.ScriptInjection, Spans.Of(document.Text, script.Node.Start + g.Index, script.Node.Start + g.Index + g.Length), RuleCatalog.ScriptInjection.FormatMessage(g.Value), g.Value);
            }
        }
    }
}
