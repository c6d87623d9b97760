using DevOpsLens.History.Labeling;
using DevOpsLens.History.Mining;
using DevOpsLens.History.Model;
using LibGit2Sharp;

namespace DevOpsLens.History.Risk;

/// <summary>Settings shared by every request of one <see cref="ChangeRiskService"/>.</summary>
public sealed record ChangeRiskOptions
{
    public SzzOptions Szz { get; init; } = SzzOptions.Default;

    /// <summary>Files scored individually (with factors) at most; larger changes list the rest without factors.</summary>
    public int MaxExplainedFiles { get; init; } = 100;
}

/// <summary>
/// Scores a change (the working tree, the index, a branch against its base, or a past commit) with the risk model,
/// using only the history before the change. Never throws for bad input: problems come back in
/// <see cref="ChangeRiskResult.Message"/>. Thread-safe; keeps the last replayed history warm so the editor's
/// repeated requests on the same HEAD do not mine again.
/// </summary>
public sealed class ChangeRiskService
{
    private const string ToolFolder = ".devopslens/";

    private readonly ChangeRiskOptions _options;
    private readonly FixClassifier _fixes;
    private readonly object _gate = new();
    private WarmState? _warm;

    public ChangeRiskService()
        : this(new ChangeRiskOptions())
    {
    }

    public ChangeRiskService(ChangeRiskOptions options)
    {
        _options = options;
        _fixes = new FixClassifier(options.Szz);
    }

    /// <summary>Scores the uncommitted change (index and working tree, untracked files included) against HEAD.</summary>
    public Task<ChangeRiskResult> ScoreWorkingChangeAsync(string repositoryPath, CancellationToken ct) =>
        ScoreAsync(ChangeRiskRequest.WorkingTree(repositoryPath), ct);

    public Task<ChangeRiskResult> ScoreAsync(ChangeRiskRequest request, CancellationToken ct) =>
        Task.Run(() => Score(request, ct), ct);

    /// <summary>Expands <c>A..B</c> ranges and single refs into commit ids, oldest first. Null with a message when a ref is unknown.</summary>
    public static (IReadOnlyList<string> Commits, string? Error) ExpandCommits(string repositoryPath, IEnumerable<string> specs)
    {
        var discovered = Discover(repositoryPath);
        if (discovered is null)
        {
            return (Array.Empty<string>(), $"{repositoryPath} is not inside a git repository");
        }

        try
        {
            using var repo = new Repository(discovered);
            var result = new List<string>();
            foreach (var spec in specs)
            {
                var dots = spec.IndexOf("..", StringComparison.Ordinal);
                if (dots >= 0)
                {
                    var from = repo.Lookup<Commit>(spec[..dots]);
                    var to = repo.Lookup<Commit>(spec[(dots + 2)..] is { Length: > 0 } t ? t : "HEAD");
                    if (from is null || to is null)
                    {
                        return (Array.Empty<string>(), $"unknown commit range '{spec}'");
                    }

                    result.AddRange(repo.Commits.QueryBy(new CommitFilter
                    {
                        IncludeReachableFrom = to,
                        ExcludeReachableFrom = from,
                        SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time | CommitSortStrategies.Reverse,
                    }).Select(c => c.Sha));
                }
                else
                {
                    var commit = repo.Lookup<Commit>(spec);
                    if (commit is null)
                    {
                        return (Array.Empty<string>(), $"unknown commit '{spec}'");
                    }

                    result.Add(commit.Sha);
                }
            }

            return (result.Distinct().ToList(), null);
        }
        catch (LibGit2SharpException ex)
        {
            return (Array.Empty<string>(), "git could not read the repository: " + ex.Message);
        }
    }

    private ChangeRiskResult Score(ChangeRiskRequest request, CancellationToken ct)
    {
        var discovered = Discover(request.RepositoryPath);
        if (discovered is null)
        {
            var model = ModelResolver.Resolve(null, request.ModelPath);
            return Unscored(model, $"{request.RepositoryPath} is not inside a git repository, so there is no change to score", "no git repository", ChangeRiskOutcome.NotARepository);
        }

        ResolvedModel? resolved = null;
        try
        {
            using var repo = new Repository(discovered);
            resolved = ModelResolver.Resolve(repo.Info.WorkingDirectory, request.ModelPath);
            var cacheDirectory = request.CacheDirectory ?? Path.Combine(repo.Info.Path, "devopslens", "cache");
            var change = request.Source switch
            {
                ChangeSource.WorkingTree => WorkingChange(repo, staged: false),
                ChangeSource.Staged => WorkingChange(repo, staged: true),
                ChangeSource.Range => RangeChange(repo, request.Base, request.Head),
                ChangeSource.Commit => CommitChange(repo, request.Commit, cacheDirectory),
                _ => throw new ArgumentOutOfRangeException(nameof(request)),
            };
            if (change.Error is not null)
            {
                return Unscored(resolved, change.Error, change.Subject, change.ErrorOutcome);
            }

            var (state, warnings) = Replay(repo, change.HistoryTip, change.StopBefore, cacheDirectory, request.Progress, ct);
            return Evaluate(resolved, change, state, warnings);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is LibGit2SharpException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            resolved ??= ModelResolver.Resolve(null, request.ModelPath);
            return Unscored(resolved, "git could not read the repository: " + ex.Message, "unreadable repository", ChangeRiskOutcome.Unreadable);
        }
    }

    private ChangeRiskResult Evaluate(ResolvedModel resolved, PendingChange change, HistoryState state, IReadOnlyList<string> warnings)
    {
        var messages = new List<string>();
        if (resolved.Message is not null)
        {
            messages.Add(resolved.Message);
        }

        messages.AddRange(warnings);
        var files = change.Files.Where(f => !f.Path.StartsWith(ToolFolder, StringComparison.Ordinal)).ToList();
        var (metrics, details) = state.Measure(files, change.Author, change.Time, change.IsFix);
        if (files.Count == 0)
        {
            messages.Add("no changed files: nothing to score");
        }

        var result = new ChangeRiskResult
        {
            ModelAvailable = resolved.Model is not null,
            ModelSource = resolved.Source,
            ModelDescription = resolved.Description,
            Subject = change.Subject,
            Metrics = metrics,
        };
        if (resolved.Model is null || files.Count == 0)
        {
            return result with
            {
                Outcome = files.Count == 0 ? ChangeRiskOutcome.NothingToScore : ChangeRiskOutcome.NoModel,
                Message = Join(messages),
                Files = files.Select(f => new FileRisk(f.Path, 0, f.Added, f.Deleted, Array.Empty<RiskFactor>())).ToList(),
            };
        }

        var model = resolved.Model;
        var vector = FeatureSet.Vectorize(metrics);
        var probability = model.Predict(vector);
        var factors = Explanations.Build(model.Contributions(vector), metrics, details, model.Card);
        var fileRisks = new List<FileRisk>(files.Count);
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            var (fileMetrics, fileDetails) = state.Measure(new[] { file }, change.Author, change.Time, change.IsFix);
            var fileVector = FeatureSet.Vectorize(fileMetrics);
            var fileProbability = model.Predict(fileVector);
            var fileFactors = index < _options.MaxExplainedFiles
                ? Explanations.Build(model.Contributions(fileVector), fileMetrics, fileDetails, model.Card, maxPositive: 3, maxNegative: 0)
                : (IReadOnlyList<RiskFactor>)Array.Empty<RiskFactor>();
            fileRisks.Add(new FileRisk(file.Path, ToScore(fileProbability), file.Added, file.Deleted, fileFactors));
        }

        return result with
        {
            Score = ToScore(probability),
            Factors = factors,
            Files = fileRisks.OrderByDescending(f => f.Score).ThenBy(f => f.Path, StringComparer.Ordinal).ToList(),
            Message = Join(messages),
        };
    }

    private static int ToScore(double probability) => (int)Math.Clamp(Math.Round(probability * 100), 0, 100);

    private (HistoryState State, IReadOnlyList<string> Warnings) Replay(Repository repo, Commit? tip, string? stopBefore, string cacheDirectory, IProgress<MiningProgress>? progress, CancellationToken ct)
    {
        var key = repo.Info.Path + "|" + (tip?.Sha ?? "-") + "|" + cacheDirectory;
        if (stopBefore is null)
        {
            lock (_gate)
            {
                if (_warm is { } warm && warm.Key == key)
                {
                    return (warm.State, warm.Warnings);
                }
            }
        }

        var state = new HistoryState();
        IReadOnlyList<string> warnings = Array.Empty<string>();
        if (tip is not null)
        {
            var mined = HistoryMiner.Mine(repo, tip, cacheDirectory, progress, ct);
            warnings = mined.Warnings;
            foreach (var record in mined.Commits)
            {
                if (record.Id == stopBefore)
                {
                    break;
                }

                state.Apply(record, !record.IsMerge && _fixes.IsFix(record.Message));
            }
        }

        if (stopBefore is null)
        {
            lock (_gate)
            {
                _warm = new WarmState(key, state, warnings);
            }
        }

        return (state, warnings);
    }

    private static PendingChange WorkingChange(Repository repo, bool staged)
    {
        if (repo.Info.IsBare)
        {
            return PendingChange.Failed("a bare repository has no working tree; use --base/--head or --commit", "working tree", ChangeRiskOutcome.NothingToScore);
        }

        var head = repo.Head.Tip;
        var targets = staged ? DiffTargets.Index : DiffTargets.Index | DiffTargets.WorkingDirectory;
        using var patch = repo.Diff.Compare<Patch>(head?.Tree, targets, null, null, HistoryMiner.DiffOptions);
        var files = HistoryMiner.ToFileChanges(patch, out _);
        var email = repo.Config.Get<string>("user.email")?.Value;
        var name = repo.Config.Get<string>("user.name")?.Value;
        var author = email is null && name is null
            ? (head is null ? "unknown" : HistoryMiner.AuthorKey(head.Author.Email, head.Author.Name))
            : HistoryMiner.AuthorKey(email, name);
        var what = staged ? "staged changes" : "working tree";
        var subject = head is null ? $"{what} (no commits yet)" : $"{what} vs HEAD ({head.Sha[..7]}{(repo.Info.IsHeadDetached ? ", detached" : "")})";
        return new PendingChange(files, author, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), false, head, null, subject, null);
    }

    private PendingChange RangeChange(Repository repo, string? baseRef, string? headRef)
    {
        var head = repo.Lookup<Commit>(headRef ?? "HEAD");
        if (head is null)
        {
            return PendingChange.Failed($"unknown head '{headRef ?? "HEAD"}'", "range");
        }

        Commit? @base = null;
        var baseName = baseRef;
        if (baseRef is not null)
        {
            @base = repo.Lookup<Commit>(baseRef);
        }
        else
        {
            foreach (var candidate in new[] { "origin/main", "origin/master", "main", "master" })
            {
                @base = repo.Lookup<Commit>(candidate);
                if (@base is not null)
                {
                    baseName = candidate;
                    break;
                }
            }
        }

        if (@base is null)
        {
            return PendingChange.Failed(baseRef is null ? "no base given and no main/master branch found: pass --base REF" : $"unknown base '{baseRef}'", "range");
        }

        var mergeBase = repo.ObjectDatabase.FindMergeBase(@base, head) ?? @base;
        using var patch = repo.Diff.Compare<Patch>(mergeBase.Tree, head.Tree, HistoryMiner.DiffOptions);
        var files = HistoryMiner.ToFileChanges(patch, out _);
        var isFix = repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = head, ExcludeReachableFrom = mergeBase })
            .Any(c => c.Parents.Count() < 2 && _fixes.IsFix(c.Message));
        var subject = $"{baseName}...{headRef ?? "HEAD"} ({mergeBase.Sha[..7]}..{head.Sha[..7]})";
        return new PendingChange(files, HistoryMiner.AuthorKey(head.Author.Email, head.Author.Name), head.Author.When.ToUnixTimeSeconds(), isFix, mergeBase, null, subject, null);
    }

    private PendingChange CommitChange(Repository repo, string? spec, string cacheDirectory)
    {
        var commit = spec is null ? null : repo.Lookup<Commit>(spec);
        if (commit is null)
        {
            return PendingChange.Failed($"unknown commit '{spec}'", spec ?? "commit");
        }

        var record = new HistoryCache(cacheDirectory).LoadCommits().GetValueOrDefault(commit.Sha) ?? HistoryMiner.MineCommit(repo, commit);
        var files = record.Files;
        if (record.IsMerge)
        {
            // Merges are left out of mining; scored on request, they count as their diff against the first parent.
            using var patch = repo.Diff.Compare<Patch>(commit.Parents.First().Tree, commit.Tree, HistoryMiner.DiffOptions);
            files = HistoryMiner.ToFileChanges(patch, out _);
        }

        if (record.Error is not null)
        {
            return PendingChange.Failed($"commit {commit.Sha[..7]} could not be read: {record.Error}", commit.Sha[..7], ChangeRiskOutcome.Unreadable);
        }

        var subject = $"commit {commit.Sha[..7]} {commit.MessageShort}";
        return new PendingChange(files, record.Author, record.Time, !record.IsMerge && _fixes.IsFix(record.Message), commit, commit.Sha, subject, null);
    }

    private static ChangeRiskResult Unscored(ResolvedModel model, string message, string subject, ChangeRiskOutcome outcome) => new()
    {
        Outcome = outcome,
        ModelAvailable = model.Model is not null,
        ModelSource = model.Source,
        ModelDescription = model.Description,
        Subject = subject,
        Message = model.Message is null ? message : message + "; " + model.Message,
    };

    private static string? Join(List<string> messages) => messages.Count == 0 ? null : string.Join("; ", messages);

    /// <summary>The .git folder of the repository containing <paramref name="path"/>, or null when there is none.</summary>
    public static string? Discover(string path)
    {
        try
        {
            return Directory.Exists(path) || File.Exists(path) ? Repository.Discover(path) : null;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    private sealed record WarmState(string Key, HistoryState State, IReadOnlyList<string> Warnings);

    /// <summary>A change waiting to be scored, and the history point it must be measured against.</summary>
    private sealed record PendingChange(
        IReadOnlyList<FileChange> Files,
        string Author,
        long Time,
        bool IsFix,
        Commit? HistoryTip,
        string? StopBefore,
        string Subject,
        string? Error,
        ChangeRiskOutcome ErrorOutcome = ChangeRiskOutcome.UnknownRevision)
    {
        public static PendingChange Failed(string error, string subject, ChangeRiskOutcome outcome = ChangeRiskOutcome.UnknownRevision) =>
            new(Array.Empty<FileChange>(), "", 0, false, null, null, subject, error, outcome);
    }
}
