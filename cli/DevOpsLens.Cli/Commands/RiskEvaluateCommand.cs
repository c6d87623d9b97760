using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DevOpsLens.History.Evaluation;
using DevOpsLens.History.Model;
using DevOpsLens.History.Risk;
using LibGit2Sharp;

namespace DevOpsLens.Cli.Commands;

/// <summary><c>devopslens risk evaluate</c>: time-ordered evaluation against the baselines.</summary>
internal static class RiskEvaluateCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var repo = new Option<string?>("--repo") { Description = "Evaluate on this repository's own history (mined and SZZ-labelled)." };
        var jit = new Option<string?>("--jit-data") { Description = "Evaluate on a folder of LApredict CSVs (lapredict_*.csv) instead." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var gap = new Option<double>("--gap-days") { Description = "Days of training data dropped before the test part.", DefaultValueFactory = _ => 30 };
        var testShare = new Option<double>("--test-share") { Description = "Newest share of changes used as the test part.", DefaultValueFactory = _ => 0.2 };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples for the 95 % intervals.", DefaultValueFactory = _ => 200 };
        var fixKeywords = new Option<string?>("--fix-keywords") { Description = "Comma-separated words that mark a bug-fix commit." };
        var noIssueRefs = new Option<bool>("--no-issue-refs") { Description = "Do not treat issue references as bug-fix markers." };
        var command = new Command("evaluate", "Train on older changes, leave a gap, test on newer ones; AUC, F1, Popt, Recall@20%Effort with bootstrap intervals, against baselines.")
        {
            repo, jit, format, gap, testShare, resamples, fixKeywords, noIssueRefs,
        };
        command.SetAction((parse, ct) => Task.Run(() =>
        {
            if (parse.GetValue(repo) is not null && parse.GetValue(jit) is not null)
            {
                Console.Error.WriteLine("devopslens risk evaluate: use --repo or --jit-data, not both");
                return ExitCodes.UsageError;
            }

            var share = parse.GetValue(testShare);
            if (share is <= 0 or >= 1)
            {
                Console.Error.WriteLine("devopslens risk evaluate: --test-share must be between 0 and 1");
                return ExitCodes.UsageError;
            }

            var options = new EvaluationOptions { GapDays = Math.Max(0, parse.GetValue(gap)), TestShare = share, BootstrapResamples = Math.Clamp(parse.GetValue(resamples), 10, 10000) };
            var projects = new List<ProjectEvaluation>();
            if (parse.GetValue(jit) is { } directory)
            {
                var files = JitDataset.FindProjects(directory);
                if (files.Count == 0)
                {
                    Console.Error.WriteLine($"devopslens risk evaluate: no {JitDataset.FilePrefix}*.csv files in {directory}");
                    return ExitCodes.UsageError;
                }

                foreach (var file in files)
                {
                    ct.ThrowIfCancellationRequested();
                    List<Sample> samples;
                    try
                    {
                        samples = JitDataset.Load(file);
                    }
                    catch (Exception ex) when (ex is InvalidDataException or IOException)
                    {
                        Console.Error.WriteLine($"devopslens risk evaluate: {ex.Message}");
                        return ExitCodes.UsageError;
                    }

                    if (!Console.IsErrorRedirected)
                    {
                        Console.Error.WriteLine($"evaluating {JitDataset.ProjectName(file)} ({samples.Count} changes)…");
                    }

                    projects.Add(TimeOrderedEvaluation.Evaluate(JitDataset.ProjectName(file), samples, options, ct));
                }
            }
            else
            {
                var path = parse.GetValue(repo) ?? ".";
                var discovered = ChangeRiskService.Discover(path);
                if (discovered is null)
                {
                    Console.Error.WriteLine($"devopslens risk evaluate: {path} is not inside a git repository");
                    return ExitCodes.UsageError;
                }

                using var repository = new Repository(discovered);
                if (repository.Head.Tip is null)
                {
                    Console.Error.WriteLine("devopslens risk evaluate: the repository has no commits");
                    return ExitCodes.UsageError;
                }

                var szz = RiskCommand.SzzFromOptions(parse.GetValue(fixKeywords), parse.GetValue(noIssueRefs));
                var data = RepositoryDataset.Build(repository, null, szz, Path.Combine(repository.Info.Path, "devopslens", "cache"), RiskProgress.ForTerminal(), ct);
                foreach (var warning in data.Warnings)
                {
                    Console.Error.WriteLine("devopslens risk evaluate: " + warning);
                }

                var name = Path.GetFileName((repository.Info.WorkingDirectory ?? repository.Info.Path).TrimEnd('/', '\\'));
                projects.Add(TimeOrderedEvaluation.Evaluate(name, data.Samples, options, ct));
            }

            Console.Out.Write(parse.GetValue(format) == "json" ? RenderJson(projects, options) : RenderText(projects, options));
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static string RenderJson(List<ProjectEvaluation> projects, EvaluationOptions options) =>
        JsonSerializer.Serialize(new { protocol = options, projects, mean = Means(projects) }, RiskReportWriter.Json);

    /// <summary>Mean of each metric per method over the evaluated projects.</summary>
    internal static List<(string Method, double Auc, double F1, double Popt, double RecallAt20)> Means(List<ProjectEvaluation> projects)
    {
        var done = projects.Where(p => p.Skipped is null).ToList();
        if (done.Count == 0)
        {
            return new();
        }

        return done[0].Methods.Select(m => m.Method).Select(method =>
        {
            var rows = done.Select(p => p.Methods.First(x => x.Method == method)).ToList();
            return (method, rows.Average(r => r.Auc.Value), rows.Average(r => r.F1.Value), rows.Average(r => r.Popt.Value), rows.Average(r => r.RecallAt20.Value));
        }).ToList();
    }

    private static string RenderText(List<ProjectEvaluation> projects, EvaluationOptions options)
    {
        var b = new StringBuilder();
        b.AppendLine(C, $"Time-ordered evaluation: oldest {(1 - options.TestShare) * 100:0}% train, newest {options.TestShare * 100:0}% test, {options.GapDays:0}-day gap, learner and threshold chosen on the newest {options.ValidationShare * 100:0}% of the training part; 95% bootstrap intervals ({options.BootstrapResamples} resamples).");
        foreach (var p in projects)
        {
            b.AppendLine();
            if (p.Skipped is not null)
            {
                b.AppendLine(C, $"{p.Project}: not evaluated: {p.Skipped}");
                continue;
            }

            b.AppendLine(C, $"{p.Project}: train {p.TrainCount} ({p.TrainPositives} buggy, {p.TrainFrom:yyyy-MM-dd}..{p.TrainTo:yyyy-MM-dd}), test {p.TestCount} ({p.TestPositives} buggy, {p.TestFrom:yyyy-MM-dd}..{p.TestTo:yyyy-MM-dd}), gap dropped {p.GapDropped}");
            b.AppendLine("  validation AUC: " + string.Join(", ", p.ValidationAuc.Select(kv => $"{kv.Key} {kv.Value.ToString("0.000", C)}")) + $" -> {p.SelectedTrainer}");
            b.AppendLine(C, $"  {"method",-42} {"AUC",-21} {"F1",-21} {"Popt",-21} {"Recall@20%",-21}");
            foreach (var m in p.Methods)
            {
                b.AppendLine(C, $"  {m.Method,-42} {Format(m.Auc),-21} {Format(m.F1),-21} {Format(m.Popt),-21} {Format(m.RecallAt20),-21}");
            }
        }

        var means = Means(projects);
        if (projects.Count(p => p.Skipped is null) > 1 && means.Count > 0)
        {
            b.AppendLine().AppendLine(C, $"Mean over {projects.Count(p => p.Skipped is null)} projects:");
            b.AppendLine(C, $"  {"method",-42} {"AUC",-7} {"F1",-7} {"Popt",-7} {"Recall@20%",-7}");
            foreach (var m in means)
            {
                b.AppendLine(C, $"  {m.Method,-42} {m.Auc,-7:0.000} {m.F1,-7:0.000} {m.Popt,-7:0.000} {m.RecallAt20,-7:0.000}");
            }
        }

        return b.ToString();
    }

    private static string Format(Estimate e) => double.IsNaN(e.Value) ? "n/a" : $"{e.Value.ToString("0.000", C)} [{e.Low.ToString("0.000", C)}-{e.High.ToString("0.000", C)}]";
}
