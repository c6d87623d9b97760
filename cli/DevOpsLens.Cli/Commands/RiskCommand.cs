using System.CommandLine;
using DevOpsLens.History.Labeling;
using DevOpsLens.History.Risk;

namespace DevOpsLens.Cli.Commands;

/// <summary><c>devopslens risk</c>: score a change with the risk model, explain it, gate on it.</summary>
internal static class RiskCommand
{
    public static Command Create()
    {
        var repo = new Option<string>("--repo") { Description = "Repository (or a folder inside it).", DefaultValueFactory = _ => "." };
        var baseRef = new Option<string?>("--base") { Description = "Score the branch against this base (merge base .. head), as in a pull request." };
        var headRef = new Option<string?>("--head") { Description = "Head of the range for --base (default HEAD)." };
        var staged = new Option<bool>("--staged") { Description = "Score only the staged changes (index vs HEAD)." };
        var worktree = new Option<bool>("--worktree") { Description = "Score the uncommitted changes, index and working tree (the default)." };
        var commits = new Option<string[]>("--commit")
        {
            Description = "Score past commits as they were made (repeatable; A..B for a range).",
            AllowMultipleArgumentsPerToken = false,
        };
        var failAbove = new Option<int?>("--fail-above") { Description = "Exit with code 1 when the score is above N (0-100). Default: devopslens.DL3100.fail_above from .editorconfig, else no gate." };
        var format = new Option<string>("--format") { Description = "text, json, markdown or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "sarif");
        var model = new Option<string?>("--model") { Description = "Model file to use instead of .devopslens/risk-model.zip." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var fixKeywords = new Option<string?>("--fix-keywords") { Description = "Comma-separated words that mark a bug-fix commit (default: fix, bug, defect, patch, hotfix, crash, regression…)." };
        var noIssueRefs = new Option<bool>("--no-issue-refs") { Description = "Do not treat issue references (#123, JIRA-123) as bug-fix markers." };

        var command = new Command("risk", "Predicted deployment risk of a change (0-100) with its reasons, from a model of the repository's history.")
        {
            repo, baseRef, headRef, staged, worktree, commits, failAbove, format, model, output, fixKeywords, noIssueRefs,
        };
        command.Subcommands.Add(RiskEvaluateCommand.Create());
        command.SetAction(async (parse, ct) =>
        {
            var gate = parse.GetValue(failAbove);
            if (gate is < 0 or > 100)
            {
                Console.Error.WriteLine("devopslens risk: --fail-above must be between 0 and 100");
                return ExitCodes.UsageError;
            }

            var modes = (parse.GetValue(baseRef) is not null || parse.GetValue(headRef) is not null ? 1 : 0)
                + (parse.GetValue(staged) ? 1 : 0) + (parse.GetValue(worktree) ? 1 : 0)
                + (parse.GetValue(commits) is { Length: > 0 } ? 1 : 0);
            if (modes > 1)
            {
                Console.Error.WriteLine("devopslens risk: choose one of --base/--head, --staged, --worktree or --commit");
                return ExitCodes.UsageError;
            }

            var path = parse.GetValue(repo) ?? ".";
            if (gate is null)
            {
                var (configured, problem) = RiskGate.Configured(path);
                if (problem is not null)
                {
                    Console.Error.WriteLine("devopslens risk: " + problem);
                }

                gate = configured;
            }

            var szz = SzzFromOptions(parse.GetValue(fixKeywords), parse.GetValue(noIssueRefs));
            var service = new ChangeRiskService(new ChangeRiskOptions { Szz = szz });
            var progress = RiskProgress.ForTerminal();
            var requests = new List<ChangeRiskRequest>();
            if (parse.GetValue(commits) is { Length: > 0 } specs)
            {
                var (ids, error) = ChangeRiskService.ExpandCommits(path, specs);
                if (error is not null)
                {
                    Console.Error.WriteLine("devopslens risk: " + error);
                    return ExitCodes.UsageError;
                }

                requests.AddRange(ids.Select(id => ChangeRiskRequest.ForCommit(path, id)));
            }
            else if (parse.GetValue(baseRef) is not null || parse.GetValue(headRef) is not null)
            {
                requests.Add(ChangeRiskRequest.Range(path, parse.GetValue(baseRef), parse.GetValue(headRef)));
            }
            else
            {
                requests.Add(parse.GetValue(staged) ? ChangeRiskRequest.Staged(path) : ChangeRiskRequest.WorkingTree(path));
            }

            var results = new List<ChangeRiskResult>();
            foreach (var request in requests)
            {
                results.Add(await service.ScoreAsync(request with { ModelPath = parse.GetValue(model), Progress = progress }, ct));
            }

            var text = RiskReportWriter.Render(results, parse.GetValue(format) ?? "text", gate);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, text, ct);
            }
            else
            {
                Console.Out.Write(text);
            }

            // No repository, or a ref that does not exist: the user must fix the invocation.
            if (results.Any(r => r.Outcome is ChangeRiskOutcome.NotARepository or ChangeRiskOutcome.UnknownRevision))
            {
                foreach (var r in results.Where(r => r.Message is not null))
                {
                    Console.Error.WriteLine("devopslens risk: " + r.Message);
                }

                return ExitCodes.UsageError;
            }

            return gate is { } g && results.Any(r => r.Outcome == ChangeRiskOutcome.Scored && r.Score > g) ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    internal static SzzOptions SzzFromOptions(string? keywords, bool noIssueRefs)
    {
        var options = SzzOptions.Default;
        if (!string.IsNullOrWhiteSpace(keywords))
        {
            options = options with { Keywords = keywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
        }

        return noIssueRefs ? options with { IssueReferences = false } : options;
    }
}
