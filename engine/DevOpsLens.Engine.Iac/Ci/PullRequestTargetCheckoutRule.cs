using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>
/// DL3031: a <c>pull_request_target</c> workflow that checks out the pull request's head (actions/checkout with a
/// head ref, sha or repository, or <c>gh pr checkout</c> / <c>git fetch … pull/N/head</c> in a script).
/// </summary>
internal sealed class PullRequestTargetCheckoutRule : IacRule
{
    private static readonly Regex HeadRef = new(
        @"github\.event\.pull_request\.head\.(?:sha|ref|repo\.full_name)|github\.head_ref|refs/pull/|github\.event\.number|github\.event\.pull_request\.number",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex ScriptCheckout = new(
        @"\bgh\s+pr\s+checkout\b[^\n]*|\bgit\s+fetch\b[^\n]*\bpull/[^\s/]+/(?:head|merge)\b[^\n]*",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public PullRequestTargetCheckoutRule()
        : base(RuleCatalog.PullRequestTargetCheckout)
    {
    }

    public override bool AppliesTo(DocumentContext document) => YamlFlavors.IsWorkflowPath(document.Path);

    public override void Analyze(DocumentContext document, IReportSink sink)
    {
        foreach (var doc in YamlFile.Get(document).Documents)
        {
            if (doc.RootMap is not { } root || !GitHubWorkflow.Triggers(root).Contains("pull_request_target"))
            {
                continue;
            }

            foreach (var step in GitHubWorkflow.Steps(root))
            {
                if (step.Step.Str("uses") is { } uses && uses.StartsWith("actions/checkout", StringComparison.OrdinalIgnoreCase) && step.Step.Map("with") is { } with)
                {
                    foreach (var key in new[] { "ref", "repository" })
                    {
                        if (with[key] is YScalar value && HeadRef.IsMatch(value.Value))
                        {
                            Report(sink, document, RuleCatalog.PullRequestTargetCheckout, value, null, value.Value.Trim());
                        }
                    }
                }

                if (step.Step["run"] is YScalar run)
                {
                    var slice = document.Text.Substring(run.Start, run.End - run.Start);
                    foreach (Match m in ScriptCheckout.Matches(slice))
                    {
                        sink.Report(RuleCatalog.PullRequestTargetCheckout, Spans.Of(document.Text, run.Start + m.Index, run.Start + m.Index + m.Length), RuleCatalog.PullRequestTargetCheckout.FormatMessage(m.Value.Trim()));
                    }
                }
            }
        }
    }
}
