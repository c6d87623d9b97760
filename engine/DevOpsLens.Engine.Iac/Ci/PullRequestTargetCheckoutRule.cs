using System.Text.RegularExpressions;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Iac.Common;
using DevOpsLens.Engine.Iac.Yaml;
using DevOpsLens.Engine.Rules;

namespace DevOpsLens.Engine.Iac.Ci;

/// <summary>
/// DL3031: a <c>pull_request_target</c> workflow that checks out the pull request's head (actions/checkout with a
/// head ref, sha or repository, or <c>gh pr checkout</c> / <c>git fetch … pull/N/head</c> in a script). A job or step
/// whose <c>if:</c> only admits pull requests from this repository's own branches
/// (<c>github.event.pull_request.head.repo.full_name == github.repository</c>) or opened by Dependabot
/// (<c>github.event.pull_request.user.login == 'dependabot[bot]'</c>) checks out code that someone with push access wrote,
/// and a job whose environment is chosen by the head's repository waits for a maintainer's approval on forks.
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

    // Guards that keep forks out. github.actor is deliberately absent: it names whoever triggered the latest event,
    // which an outsider can make Dependabot be by asking it to update their own pull request.
    private static readonly Regex TrustedHeadGuard = new(
        @"github\.event\.pull_request\.head\.repo\.full_name\s*==\s*github\.repository\b|github\.repository\s*==\s*github\.event\.pull_request\.head\.repo\.full_name\b"
        + @"|github\.event\.pull_request\.head\.repo\.fork\s*==\s*false\b|!\s*github\.event\.pull_request\.head\.repo\.fork\b"
        + @"|github\.event\.pull_request\.user\.login\s*==\s*'dependabot\[bot\]'",
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

            foreach (var (_, _, job) in GitHubWorkflow.Jobs(root))
            {
                if (AdmitsOnlyTrustedHeads(job.Str("if")) || GatesForksOnApproval(job))
                {
                    continue;
                }

                foreach (var step in (job.Seq("steps")?.Items ?? Enumerable.Empty<YNode>()).OfType<YMap>())
                {
                    if (!AdmitsOnlyTrustedHeads(step.Str("if")))
                    {
                        Check(document, sink, step);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The approval-gate pattern: an environment chosen by where the head comes from
    /// (<c>environment: ${{ github.event.pull_request.head.repo.full_name == github.repository &amp;&amp; 'internal' || 'external' }}</c>),
    /// so that a fork's run waits for a maintainer to approve the environment before any step runs.
    /// </summary>
    private static bool GatesForksOnApproval(YMap job)
    {
        var environment = job["environment"] is YMap map ? map.Str("name") : job.Str("environment");
        return environment != null && environment.IndexOf("${{", StringComparison.Ordinal) >= 0
            && (environment.Contains("github.event.pull_request.head.repo.full_name") || environment.Contains("github.event.pull_request.head.repo.fork"));
    }

    /// <summary>A condition that requires a trusted head; an <c>||</c> could let a fork through another branch.</summary>
    private static bool AdmitsOnlyTrustedHeads(string? condition) =>
        condition != null && condition.IndexOf("||", StringComparison.Ordinal) < 0 && TrustedHeadGuard.IsMatch(condition);

    private static void Check(DocumentContext document, IReportSink sink, YMap step)
    {
        if (step.Str("uses") is { } uses && uses.StartsWith("actions/checkout", StringComparison.OrdinalIgnoreCase) && step.Map("with") is { } with)
        {
            foreach (var key in new[] { "ref", "repository" })
            {
                if (with[key] is YScalar value && HeadRef.IsMatch(value.Value))
                {
                    Report(sink, document, RuleCatalog.PullRequestTargetCheckout, value, null, value.Value.Trim());
                }
            }
        }

        if (step["run"] is YScalar run)
        {
            var slice = document.Text.Substring(run.Start, run.End - run.Start);
            foreach (Match m in ScriptCheckout.Matches(slice))
            {
                sink.Report(RuleCatalog.PullRequestTargetCheckout, Spans.Of(document.Text, run.Start + m.Index, run.Start + m.Index + m.Length), RuleCatalog.PullRequestTargetCheckout.FormatMessage(m.Value.Trim()));
            }
        }
    }
}
