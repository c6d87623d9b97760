using DevOpsLens.Cli.Output;
using DevOpsLens.History.Risk;

namespace DevOpsLens.Cli.Commands;

/// <summary>
/// <c>check --risk</c>: the predicted risk of the change beside the findings, so one command answers "what is wrong"
/// and "how risky is what I am about to ship". The pending change is the uncommitted work; on a clean tree it is the
/// last commit, as it looked when it was made.
/// </summary>
internal static class CheckRisk
{
    public static readonly string[] Formats = ["text", "markdown"];

    public static async Task<string> RenderAsync(string path, string format, CancellationToken cancellationToken)
    {
        var service = new ChangeRiskService();
        var result = await service.ScoreAsync(ChangeRiskRequest.WorkingTree(path), cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ChangeRiskOutcome.NothingToScore)
        {
            result = await service.ScoreAsync(ChangeRiskRequest.ForCommit(path, "HEAD"), cancellationToken).ConfigureAwait(false);
        }

        // The configured gate is shown beside the score; `check` itself gates on findings, `risk` on the score.
        return RiskReportWriter.Render([result], format, RiskGate.Configured(path).Gate);
    }
}
