using System.Diagnostics;
using System.Globalization;
using DevOpsLens.Bench.Risk;
using DevOpsLens.History.Evaluation;
using DevOpsLens.History.Labeling;
using DevOpsLens.History.Mining;
using DevOpsLens.History.Model;
using DevOpsLens.History.Risk;
using LibGit2Sharp;

var commits = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var root = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(Path.GetTempPath(), "devopslens-risk-bench");
var reuse = args.Contains("--reuse") && Directory.Exists(Path.Combine(root, ".git"));
var clock = Stopwatch.StartNew();
if (reuse)
{
    // Measure again on the repository generated before: only the caches and the trained model go.
    foreach (var generated in new[] { Path.Combine(root, ".git", "devopslens"), Path.Combine(root, ".devopslens") })
    {
        if (Directory.Exists(generated))
        {
            Directory.Delete(generated, recursive: true);
        }
    }
    using var repo = new Repository(root);
    repo.Reset(ResetMode.Hard);
    Report("reuse", $"{repo.Commits.Count()} commits already generated");
}
else
{
    Generate();
}

void Generate()
{
    if (Directory.Exists(root))
    {
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(root, recursive: true);
    }

    Directory.CreateDirectory(root);
    SyntheticHistory.Generate(root, commits, seed: 42);
    Report("generate", $"{commits} commits in {clock.Elapsed.TotalSeconds:0.0} s");

    // Clones are packed; a freshly written history is loose objects, which would make every read slower than real.
    using var gc = Process.Start(new ProcessStartInfo("git", "gc --quiet") { WorkingDirectory = root })!;
    gc.WaitForExit();
    Report("git gc", $"{clock.Elapsed.TotalSeconds:0.0} s total");
}

using (var repo = new Repository(root))
{
    var cache = Path.Combine(repo.Info.Path, "devopslens", "cache");
    clock.Restart();
    var mined = HistoryMiner.Mine(repo, null, cache, null, CancellationToken.None);
    var coldMining = clock.Elapsed.TotalSeconds;
    Report("mining (cold cache)", $"{mined.Commits.Count} commits in {coldMining:0.00} s = {mined.Commits.Count / coldMining:0} commits/s");

    clock.Restart();
    var again = HistoryMiner.Mine(repo, null, cache, null, CancellationToken.None);
    Report("mining (warm cache)", $"{again.NewlyMined} new commits, {clock.Elapsed.TotalSeconds:0.00} s");

    clock.Restart();
    var walked = repo.Commits.QueryBy(new CommitFilter { SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time | CommitSortStrategies.Reverse }).Select(c => c.Sha).Count();
    Report("walk only", $"{walked} commits in {clock.Elapsed.TotalSeconds:0.00} s");

    clock.Restart();
    var labels = SzzLabeler.Label(repo, mined.Commits, SzzOptions.Default, cache, null, CancellationToken.None);
    var szz = clock.Elapsed.TotalSeconds;
    Report("SZZ (cold)", $"{labels.FixCommits.Count} fixes blamed in {szz:0.00} s = {labels.FixCommits.Count / szz:0} fixes/s; {labels.BugInducing.Count} bug-inducing commits");
    Report("mining + SZZ (cold)", $"{mined.Commits.Count / (coldMining + szz):0} commits/s");

    clock.Restart();
    var data = RepositoryDataset.Build(repo, null, SzzOptions.Default, cache, null, CancellationToken.None);
    Report("dataset from cache", $"{data.Samples.Count} examples in {clock.Elapsed.TotalSeconds:0.00} s");

    foreach (var kind in new[] { TrainerKind.FastTree, TrainerKind.LightGbm, TrainerKind.LogisticRegression })
    {
        clock.Restart();
        RiskModel.Train(data.Samples, kind, new ModelCard());
        Report($"train {kind}", $"{clock.Elapsed.TotalSeconds:0.00} s on {data.Samples.Count} examples");
    }

    clock.Restart();
    var evaluation = TimeOrderedEvaluation.Evaluate("synthetic", data.Samples, new EvaluationOptions { BootstrapResamples = 100, GapDays = 7 }, CancellationToken.None);
    Report("evaluate", $"{clock.Elapsed.TotalSeconds:0.0} s; " + string.Join("; ", evaluation.Methods.Select(m => $"{m.Method}: AUC {m.Auc.Value:0.000} Popt {m.Popt.Value:0.000}")) + evaluation.Skipped);
}

clock.Restart();
var outcome = RiskTraining.TrainRepository(root, null, null, new TrainingOptions(), CancellationToken.None);
Report("devopslens train (select + fit + write)", $"{clock.Elapsed.TotalSeconds:0.0} s: {outcome.Message}");

// A working change: three edited files and a new one.
File.AppendAllText(Path.Combine(root, "src", "Api", "File0.cs"), string.Concat(Enumerable.Range(0, 40).Select(i => $"    added {i};\n")));
File.AppendAllText(Path.Combine(root, "lib", "Core", "File3.cs"), "    one more;\n");
File.AppendAllText(Path.Combine(root, "k8s", "deployment.yaml"), "  replicas: 3\n");
File.WriteAllText(Path.Combine(root, "src", "Web", "NewPage.cs"), "class NewPage {}\n");
var service = new ChangeRiskService();
clock.Restart();
var first = await service.ScoreWorkingChangeAsync(root, CancellationToken.None);
Report("score working change (first call: load model, replay history)", $"{clock.Elapsed.TotalMilliseconds:0} ms, score {first.Score} ({first.ModelDescription})");
var samples = new List<double>();
for (var i = 0; i < 30; i++)
{
    clock.Restart();
    await service.ScoreWorkingChangeAsync(root, CancellationToken.None);
    samples.Add(clock.Elapsed.TotalMilliseconds);
}

samples.Sort();
Report("score working change (warm)", $"median {samples[samples.Count / 2]:0.0} ms, p95 {samples[(int)(samples.Count * 0.95)]:0.0} ms, max {samples[^1]:0.0} ms over {samples.Count} calls");
var fresh = new ChangeRiskService();
clock.Restart();
await fresh.ScoreWorkingChangeAsync(root, CancellationToken.None);
Report("score working change (new service, warm disk cache)", $"{clock.Elapsed.TotalMilliseconds:0} ms");
foreach (var factor in first.Factors)
{
    Console.WriteLine($"    {factor.Contribution,6:+0.0;-0.0}  {factor.Description}");
}

static void Report(string what, string figure) => Console.WriteLine($"{what}: {figure}");
