using DevOpsLens.History.Risk;

namespace DevOpsLens.History.Mining;

/// <summary>Facts behind the metrics that explanations quote (which file, which artefact).</summary>
public sealed class ChangeDetails
{
    public string? MostFixedFile { get; init; }

    public IReadOnlyList<string> DeploymentFiles { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> PipelineFiles { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> DependencyFiles { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> MigrationFiles { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ConfigurationFiles { get; init; } = Array.Empty<string>();
}

/// <summary>
/// The state of a history replayed commit by commit, oldest first. <see cref="Measure"/> computes the
/// Kamei et al. metrics of a change from the state as it was before the change, and <see cref="Apply"/>
/// then adds the change, so every metric only sees the past.
/// </summary>
public sealed class HistoryState
{
    public const double SecondsPerDay = 86400.0;
    public const double RecentFixWindowDays = 90.0;

    private readonly Dictionary<string, FileHistory> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AuthorChange>> _authors = new(StringComparer.Ordinal);
    private int _commitIndex;

    public int CommitsApplied => _commitIndex;

    public static string Subsystem(string path)
    {
        var slash = path.IndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    public static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    public (ChangeMetrics Metrics, ChangeDetails Details) Measure(IReadOnlyList<FileChange> files, string author, long time, bool isFix)
    {
        var subsystems = new HashSet<string>(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        var developers = new HashSet<string>(StringComparer.Ordinal);
        var priorCommits = new HashSet<int>();
        double la = 0, ld = 0, lt = 0, ageSum = 0;
        int ageCount = 0, tests = 0, maxRecentFixes = 0;
        string? mostFixed = null;
        var deployment = new List<string>();
        var pipeline = new List<string>();
        var dependencies = new List<string>();
        var migrations = new List<string>();
        var configuration = new List<string>();

        foreach (var file in files)
        {
            subsystems.Add(Subsystem(file.Path));
            directories.Add(DirectoryOf(file.Path));
            la += file.Added;
            ld += file.Deleted;
            var kind = PathSignals.Classify(file.Path);
            if ((kind & PathKind.Deployment) != 0) deployment.Add(file.Path);
            if ((kind & PathKind.Pipeline) != 0) pipeline.Add(file.Path);
            if ((kind & PathKind.Dependencies) != 0) dependencies.Add(file.Path);
            if ((kind & PathKind.Migration) != 0) migrations.Add(file.Path);
            if ((kind & PathKind.Configuration) != 0) configuration.Add(file.Path);
            if ((kind & PathKind.Test) != 0) tests++;

            var previousPath = file.OldPath ?? file.Path;
            if (file.Kind == 'A' || !_files.TryGetValue(previousPath, out var history))
            {
                continue;
            }

            lt += history.Lines;
            developers.UnionWith(history.Developers);
            priorCommits.UnionWith(history.Commits);
            ageSum += Math.Max(0, time - history.LastTime) / SecondsPerDay;
            ageCount++;
            var recent = history.FixTimes.Count(t => t < time && time - t <= RecentFixWindowDays * SecondsPerDay);
            if (recent > maxRecentFixes)
            {
                maxRecentFixes = recent;
                mostFixed = file.Path;
            }
        }

        double exp = 0, rexp = 0, sexp = 0;
        if (_authors.TryGetValue(author, out var past))
        {
            foreach (var change in past)
            {
                exp++;
                var years = Math.Max(0, time - change.Time) / (SecondsPerDay * 365.25);
                rexp += 1.0 / (years + 1.0);
                if (change.Subsystems.Any(subsystems.Contains))
                {
                    sexp++;
                }
            }
        }

        var metrics = new ChangeMetrics
        {
            NS = subsystems.Count,
            ND = directories.Count,
            NF = files.Count,
            Entropy = Entropy(files),
            LA = la,
            LD = ld,
            LT = lt,
            FIX = isFix ? 1 : 0,
            NDEV = developers.Count,
            AGE = ageCount == 0 ? 0 : ageSum / ageCount,
            NUC = priorCommits.Count,
            EXP = exp,
            REXP = rexp,
            SEXP = sexp,
            RecentFixes = maxRecentFixes,
            TouchesDeployment = deployment.Count > 0,
            TouchesPipeline = pipeline.Count > 0,
            TouchesDependencies = dependencies.Count > 0,
            TouchesMigrations = migrations.Count > 0,
            TouchesConfiguration = configuration.Count > 0,
            TestShare = files.Count == 0 ? 0 : (double)tests / files.Count,
        };
        var details = new ChangeDetails
        {
            MostFixedFile = mostFixed,
            DeploymentFiles = deployment,
            PipelineFiles = pipeline,
            DependencyFiles = dependencies,
            MigrationFiles = migrations,
            ConfigurationFiles = configuration,
        };
        return (metrics, details);
    }

    /// <summary>Adds a commit to the state. Merges and unreadable commits change nothing.</summary>
    public void Apply(CommitRecord record, bool isFix)
    {
        var index = _commitIndex++;
        if (record.IsMerge || record.Error is not null)
        {
            return;
        }

        var subsystems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in record.Files)
        {
            subsystems.Add(Subsystem(file.Path));
            FileHistory? history = null;
            if (file.Kind == 'R' && file.OldPath is not null && _files.Remove(file.OldPath, out var moved))
            {
                history = moved;
            }

            if (file.Kind == 'D')
            {
                _files.Remove(file.Path);
                continue;
            }

            if (history is null && !_files.TryGetValue(file.Path, out history))
            {
                history = new FileHistory();
            }

            if (file.Kind == 'A')
            {
                history = new FileHistory();
            }

            history.Lines = Math.Max(0, history.Lines + file.Added - file.Deleted);
            history.Developers.Add(record.Author);
            history.Commits.Add(index);
            history.LastTime = record.Time;
            if (isFix)
            {
                history.FixTimes.Add(record.Time);
            }

            _files[file.Path] = history;
        }

        if (!_authors.TryGetValue(record.Author, out var changes))
        {
            changes = new List<AuthorChange>();
            _authors[record.Author] = changes;
        }

        changes.Add(new AuthorChange(record.Time, subsystems.ToArray()));
    }

    internal static double Entropy(IReadOnlyList<FileChange> files)
    {
        double total = files.Sum(f => (double)f.Added + f.Deleted);
        if (total <= 0)
        {
            return 0;
        }

        double entropy = 0;
        foreach (var file in files)
        {
            var p = (file.Added + file.Deleted) / total;
            if (p > 0)
            {
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }

    private sealed class FileHistory
    {
        public int Lines;
        public long LastTime;
        public readonly HashSet<string> Developers = new(StringComparer.Ordinal);
        public readonly List<int> Commits = new();
        public readonly List<long> FixTimes = new();
    }

    private readonly record struct AuthorChange(long Time, string[] Subsystems);
}
