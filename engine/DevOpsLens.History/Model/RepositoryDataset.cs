using DevOpsLens.History.Labeling;
using DevOpsLens.History.Mining;
using DevOpsLens.History.Risk;
using LibGit2Sharp;

namespace DevOpsLens.History.Model;

/// <summary>The labelled changes of one repository, oldest first, ready for training or evaluation.</summary>
public sealed class RepositoryDataset
{
    public required IReadOnlyList<Sample> Samples { get; init; }

    public required IReadOnlyList<CommitRecord> Commits { get; init; }

    public required SzzLabels Labels { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    public int NewlyMined { get; init; }

    public string? Tip { get; init; }

    /// <summary>
    /// Mines the history reachable from <paramref name="until"/> (HEAD when null), labels it with SZZ and replays it
    /// so each change's features only see the past. Merges, unreadable commits, bulk reformats and changes with no
    /// file are left out of the examples (they still shape the history state).
    /// </summary>
    public static RepositoryDataset Build(Repository repository, string? until, SzzOptions szz, string cacheDirectory, IProgress<MiningProgress>? progress, CancellationToken ct)
    {
        var tip = until is null ? repository.Head.Tip : repository.Lookup<Commit>(until) ?? throw new ArgumentException($"unknown commit '{until}'", nameof(until));
        var mined = HistoryMiner.Mine(repository, tip, cacheDirectory, progress, ct);
        var labels = SzzLabeler.Label(repository, mined.Commits, szz, cacheDirectory, progress, ct);
        var state = new HistoryState();
        var samples = new List<Sample>();
        foreach (var record in mined.Commits)
        {
            ct.ThrowIfCancellationRequested();
            var isFix = labels.FixCommits.Contains(record.Id);
            if (!record.IsMerge && record.Error is null && record.Files.Count > 0 && !record.IsBulkReformat(szz.BulkReformatMinFiles))
            {
                var (metrics, _) = state.Measure(record.Files, record.Author, record.Time, isFix);
                samples.Add(new Sample
                {
                    Id = record.Id,
                    Time = record.Time,
                    Features = FeatureSet.Vectorize(metrics),
                    Label = labels.BugInducing.Contains(record.Id),
                    Churn = metrics.LA + metrics.LD,
                });
            }

            state.Apply(record, isFix);
        }

        return new RepositoryDataset
        {
            Samples = samples,
            Commits = mined.Commits,
            Labels = labels,
            Warnings = mined.Warnings,
            NewlyMined = mined.NewlyMined,
            Tip = tip?.Sha,
        };
    }
}
