using System.CommandLine;
using DevOpsLens.History.Model;

namespace DevOpsLens.Cli.Commands;

/// <summary><c>devopslens train</c>: fit the risk model on the repository's history (or on public JIT data).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var repo = new Option<string>("--repo") { Description = "Repository (or a folder inside it).", DefaultValueFactory = _ => "." };
        var until = new Option<string?>("--until") { Description = "Train only on history up to this commit, to check the model on what came after." };
        var output = new Option<string?>("--output", "-o") { Description = "Model file (default .devopslens/risk-model.zip in the repository)." };
        var jit = new Option<string?>("--jit-data") { Description = "Train on a folder of LApredict CSVs instead (how the embedded default model is made)." };
        var trainer = new Option<string?>("--trainer") { Description = "fasttree, lightgbm or logistic (default: chosen by time-ordered validation)." };
        trainer.AcceptOnlyFromAmong("fasttree", "lightgbm", "logistic");
        var minCommits = new Option<int>("--min-changes") { Description = "Fewest usable changes for a repository model.", DefaultValueFactory = _ => 200 };
        var fixKeywords = new Option<string?>("--fix-keywords") { Description = "Comma-separated words that mark a bug-fix commit." };
        var noIssueRefs = new Option<bool>("--no-issue-refs") { Description = "Do not treat issue references as bug-fix markers." };
        var command = new Command("train", "Train the change-risk model on this repository's history; writes .devopslens/risk-model.zip and a model card.")
        {
            repo, until, output, jit, trainer, minCommits, fixKeywords, noIssueRefs,
        };
        command.SetAction((parse, ct) => Task.Run(() =>
        {
            var kind = parse.GetValue(trainer) switch
            {
                "fasttree" => TrainerKind.FastTree,
                "lightgbm" => TrainerKind.LightGbm,
                "logistic" => TrainerKind.LogisticRegression,
                _ => (TrainerKind?)null,
            };
            var progress = RiskProgress.ForTerminal();
            var options = new TrainingOptions
            {
                Trainer = kind,
                MinExamples = Math.Max(10, parse.GetValue(minCommits)),
                Szz = RiskCommand.SzzFromOptions(parse.GetValue(fixKeywords), parse.GetValue(noIssueRefs)),
                Progress = progress,
            };
            TrainingOutcome outcome;
            if (parse.GetValue(jit) is { } directory)
            {
                if (parse.GetValue(until) is not null)
                {
                    Console.Error.WriteLine("devopslens train: --until applies to a repository, not to --jit-data");
                    return ExitCodes.UsageError;
                }

                outcome = RiskTraining.TrainJit(directory, parse.GetValue(output) ?? "risk-model.zip", options, ct);
                if (!outcome.Trained)
                {
                    Console.Error.WriteLine("devopslens train: " + outcome.Message);
                    return ExitCodes.UsageError;
                }
            }
            else
            {
                outcome = RiskTraining.TrainRepository(parse.GetValue(repo) ?? ".", parse.GetValue(until), parse.GetValue(output), options, ct);
                if (!outcome.Trained)
                {
                    // A short history is not an error: the default model keeps scoring.
                    Console.Error.WriteLine("devopslens train: " + outcome.Message);
                    return outcome.Message.Contains("not inside a git repository", StringComparison.Ordinal) || outcome.Message.StartsWith("unknown commit", StringComparison.Ordinal)
                        ? ExitCodes.UsageError
                        : ExitCodes.Success;
                }
            }

            Console.Out.WriteLine(outcome.Message);
            Console.Out.WriteLine("model: " + outcome.ModelPath);
            foreach (var (name, value) in outcome.Card!.Validation.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Console.Out.WriteLine($"  validation {name}: {value:0.000}");
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
