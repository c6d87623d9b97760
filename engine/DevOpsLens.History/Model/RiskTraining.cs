using DevOpsLens.History.Evaluation;
using DevOpsLens.History.Labeling;
using DevOpsLens.History.Risk;
using LibGit2Sharp;

namespace DevOpsLens.History.Model;

/// <summary>The outcome of a training run.</summary>
public sealed record TrainingOutcome(bool Trained, string Message, ModelCard? Card, string? ModelPath);

public sealed record TrainingOptions
{
    public SzzOptions Szz { get; init; } = SzzOptions.Default;

    /// <summary>Fewest usable changes for a repository model; below it the default model stays in use.</summary>
    public int MinExamples { get; init; } = 200;

    /// <summary>Fewest bug-inducing changes for a repository model.</summary>
    public int MinPositives { get; init; } = 20;

    /// <summary>The learner; null chooses by time-ordered validation among FastTree, LightGBM and logistic regression.</summary>
    public TrainerKind? Trainer { get; init; }

    public IProgress<MiningProgress>? Progress { get; init; }
}

/// <summary><c>devopslens train</c>: on a repository's history, or on the public JIT data (the embedded default model).</summary>
public static class RiskTraining
{
    public static TrainingOutcome TrainRepository(string repositoryPath, string? until, string? outputPath, TrainingOptions options, CancellationToken ct)
    {
        var discovered = ChangeRiskService.Discover(repositoryPath);
        if (discovered is null)
        {
            return new TrainingOutcome(false, $"{repositoryPath} is not inside a git repository", null, null);
        }

        using var repo = new Repository(discovered);
        if (repo.Head.Tip is null)
        {
            return new TrainingOutcome(false, "the repository has no commits yet; the default model (trained on public JIT data) stays in use", null, null);
        }

        var root = repo.Info.WorkingDirectory ?? repo.Info.Path;
        var cache = Path.Combine(repo.Info.Path, "devopslens", "cache");
        RepositoryDataset data;
        try
        {
            data = RepositoryDataset.Build(repo, until, options.Szz, cache, options.Progress, ct);
        }
        catch (ArgumentException ex)
        {
            return new TrainingOutcome(false, ex.Message, null, null);
        }

        var samples = data.Samples;
        var positives = samples.Count(s => s.Label);
        var warnings = data.Warnings.Count == 0 ? "" : " (" + string.Join("; ", data.Warnings) + ")";
        if (samples.Count < options.MinExamples || positives < options.MinPositives || positives == samples.Count)
        {
            return new TrainingOutcome(
                false,
                $"history too short to train: {samples.Count} usable changes, {positives} bug-inducing (need {options.MinExamples} and {options.MinPositives}); the default model (trained on public JIT data) stays in use{warnings}",
                null,
                null);
        }

        var card = new ModelCard
        {
            TrainedOn = "repository",
            Source = Path.GetFileName(root.TrimEnd('/', '\\')),
            FirstCommit = samples[0].Id,
            LastCommit = samples[^1].Id,
            From = DateTimeOffset.FromUnixTimeSeconds(samples[0].Time),
            To = DateTimeOffset.FromUnixTimeSeconds(samples[^1].Time),
        };
        card.Notes.Add($"SZZ: {data.Labels.FixCommits.Count} fix commits, {data.Labels.BugInducing.Count} bug-inducing commits");
        card.Notes.AddRange(data.Warnings);
        var kind = options.Trainer ?? Select(new[] { samples }, card);
        var model = RiskModel.Train(samples, kind, card);
        var output = outputPath ?? Path.Combine(root, ModelResolver.RepositoryModelPath);
        WriteModel(model, output);
        return new TrainingOutcome(true, $"trained {kind} on {samples.Count} changes ({positives} bug-inducing){warnings}", card, output);
    }

    /// <summary>Trains the default model on every LApredict project in <paramref name="directory"/>.</summary>
    public static TrainingOutcome TrainJit(string directory, string outputPath, TrainingOptions options, CancellationToken ct)
    {
        var files = JitDataset.FindProjects(directory);
        if (files.Count == 0)
        {
            return new TrainingOutcome(false, $"no {JitDataset.FilePrefix}*.csv files in {directory}", null, null);
        }

        var projects = files.Select(JitDataset.Load).ToList();
        ct.ThrowIfCancellationRequested();
        var card = new ModelCard
        {
            TrainedOn = "public-jit",
            Source = "LApredict replication data (Zeng et al., ISSTA 2021): " + string.Join(", ", files.Select(JitDataset.ProjectName)),
            From = DateTimeOffset.FromUnixTimeSeconds(projects.Min(p => p[0].Time)),
            To = DateTimeOffset.FromUnixTimeSeconds(projects.Max(p => p[^1].Time)),
        };
        card.Notes.Add("Only the 14 Kamei metrics exist in this data; the DevOps signals are zero during training and carry no weight.");
        var kind = options.Trainer ?? Select(projects, card);
        var all = projects.SelectMany(p => p).OrderBy(s => s.Time).ToList();
        var model = RiskModel.Train(all, kind, card);
        WriteModel(model, outputPath);
        return new TrainingOutcome(true, $"trained {kind} on {all.Count} changes of {projects.Count} projects", card, outputPath);
    }

    /// <summary>Chooses the learner by time-ordered validation (newest 20 % of each dataset), recording the figures in the card.</summary>
    private static TrainerKind Select(IReadOnlyList<IReadOnlyList<Sample>> datasets, ModelCard card)
    {
        var candidates = new[] { TrainerKind.FastTree, TrainerKind.LightGbm, TrainerKind.LogisticRegression };
        var auc = candidates.ToDictionary(k => k, _ => new List<double>());
        var popt = candidates.ToDictionary(k => k, _ => new List<double>());
        foreach (var data in datasets)
        {
            var cut = (int)(data.Count * 0.8);
            var train = data.Take(cut).ToList();
            var validation = data.Skip(cut).ToList();
            if (!train.Any(s => s.Label) || train.All(s => s.Label) || !validation.Any(s => s.Label) || validation.All(s => s.Label))
            {
                continue;
            }

            var labels = validation.Select(s => s.Label).ToArray();
            var effort = validation.Select(s => s.Churn).ToArray();
            foreach (var kind in candidates)
            {
                var scores = RiskModel.Train(train, kind, new ModelCard()).PredictMany(validation);
                auc[kind].Add(EvaluationMetrics.Auc(scores, labels));
                popt[kind].Add(EvaluationMetrics.EffortAware(scores.Select((p, i) => p / Math.Max(1, effort[i])).ToArray(), effort, labels).Popt);
            }
        }

        if (auc.Values.All(v => v.Count == 0))
        {
            return TrainerKind.FastTree;
        }

        foreach (var kind in candidates)
        {
            card.Validation[$"{kind} AUC"] = auc[kind].Average();
            card.Validation[$"{kind} Popt"] = popt[kind].Average();
        }

        return candidates.OrderByDescending(k => auc[k].Average()).ThenBy(k => (int)k).First();
    }

    private static void WriteModel(RiskModel model, string path)
    {
        model.Save(path);
        var stem = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
        File.WriteAllText(stem + ".card.json", model.Card.ToJson());
        File.WriteAllText(stem + ".card.md", model.Card.ToMarkdown());
    }
}
