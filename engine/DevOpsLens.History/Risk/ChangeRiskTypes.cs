namespace DevOpsLens.History.Risk;

/// <summary>Which change <see cref="ChangeRiskService.ScoreAsync"/> scores.</summary>
public enum ChangeSource
{
    /// <summary>Uncommitted work: the index and the working tree against HEAD.</summary>
    WorkingTree,

    /// <summary>Only what is staged: the index against HEAD.</summary>
    Staged,

    /// <summary>The commits from the merge base of <c>Base</c> and <c>Head</c> to <c>Head</c>, as one change (a pull request).</summary>
    Range,

    /// <summary>One past commit, as it looked when it was made, with only the history before it.</summary>
    Commit,
}

/// <summary>What to score. Build one with the static factories.</summary>
public sealed record ChangeRiskRequest
{
    public required string RepositoryPath { get; init; }

    public ChangeSource Source { get; init; } = ChangeSource.WorkingTree;

    /// <summary>Base ref for <see cref="ChangeSource.Range"/>; defaults to the upstream or main branch when null.</summary>
    public string? Base { get; init; }

    /// <summary>Head ref for <see cref="ChangeSource.Range"/>; HEAD when null.</summary>
    public string? Head { get; init; }

    /// <summary>Commit id or ref for <see cref="ChangeSource.Commit"/>.</summary>
    public string? Commit { get; init; }

    /// <summary>A model file to use instead of <c>.devopslens/risk-model.zip</c>; null means the repository's or the default model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Where the mining cache lives; null means <c>.devopslens/cache</c> in the repository.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Receives mining progress (commits done, total); null for silence.</summary>
    public IProgress<MiningProgress>? Progress { get; init; }

    public static ChangeRiskRequest WorkingTree(string repositoryPath) => new() { RepositoryPath = repositoryPath, Source = ChangeSource.WorkingTree };

    public static ChangeRiskRequest Staged(string repositoryPath) => new() { RepositoryPath = repositoryPath, Source = ChangeSource.Staged };

    public static ChangeRiskRequest Range(string repositoryPath, string? baseRef, string? headRef) =>
        new() { RepositoryPath = repositoryPath, Source = ChangeSource.Range, Base = baseRef, Head = headRef };

    public static ChangeRiskRequest ForCommit(string repositoryPath, string commit) =>
        new() { RepositoryPath = repositoryPath, Source = ChangeSource.Commit, Commit = commit };
}

/// <summary>Progress of a history walk, reported while mining.</summary>
public readonly record struct MiningProgress(int Done, int Total, string Phase);

/// <summary>One reason for the score, in plain words, with its share of the score.</summary>
/// <param name="Name">Stable feature name (<c>la</c>, <c>sexp</c>, <c>touches_deployment</c>…).</param>
/// <param name="Description">What it means for this change ("adds 640 lines across 3 subsystems").</param>
/// <param name="Contribution">Points on the 0–100 scale this factor adds (negative: lowers the risk).</param>
public sealed record RiskFactor(string Name, string Description, double Contribution);

/// <summary>The risk of one changed file, scored as if the file were changed on its own.</summary>
public sealed record FileRisk(string Path, int Score, int LinesAdded, int LinesDeleted, IReadOnlyList<RiskFactor> Factors);

/// <summary>The change metrics (Kamei et al. 2013) and DevOps signals the score was computed from. Definitions: docs/risk-model.md.</summary>
public sealed record ChangeMetrics
{
    public double NS { get; init; }
    public double ND { get; init; }
    public double NF { get; init; }
    public double Entropy { get; init; }
    public double LA { get; init; }
    public double LD { get; init; }
    public double LT { get; init; }
    public double FIX { get; init; }
    public double NDEV { get; init; }
    public double AGE { get; init; }
    public double NUC { get; init; }
    public double EXP { get; init; }
    public double REXP { get; init; }
    public double SEXP { get; init; }

    /// <summary>The most bug-fix commits in the last 90 days that touched any one of the changed files.</summary>
    public double RecentFixes { get; init; }
    public bool TouchesDeployment { get; init; }
    public bool TouchesPipeline { get; init; }
    public bool TouchesDependencies { get; init; }
    public bool TouchesMigrations { get; init; }
    public bool TouchesConfiguration { get; init; }

    /// <summary>Share (0–1) of changed files that are tests.</summary>
    public double TestShare { get; init; }

    public static ChangeMetrics Empty { get; } = new();
}

/// <summary>How a request ended, for callers that branch on it (exit codes, editor status).</summary>
public enum ChangeRiskOutcome
{
    /// <summary>The change was scored.</summary>
    Scored,

    /// <summary>There are no changed files.</summary>
    NothingToScore,

    /// <summary>No model could be loaded (not even the embedded default).</summary>
    NoModel,

    /// <summary>The path is not inside a git repository.</summary>
    NotARepository,

    /// <summary>A ref or commit given in the request does not exist.</summary>
    UnknownRevision,

    /// <summary>git could not read what was needed.</summary>
    Unreadable,
}

/// <summary>The answer of <see cref="ChangeRiskService"/>.</summary>
public sealed record ChangeRiskResult
{
    public ChangeRiskOutcome Outcome { get; init; } = ChangeRiskOutcome.Scored;

    /// <summary>Predicted risk 0–100: the model's probability that the change will need a fix later, in percent.</summary>
    public int Score { get; init; }

    /// <summary>False when no model could be loaded; the score is then 0 and <see cref="Message"/> says why.</summary>
    public bool ModelAvailable { get; init; }

    /// <summary><c>repository</c> (trained on this repository), <c>default</c> (embedded, trained on public JIT data) or <c>none</c>.</summary>
    public string ModelSource { get; init; } = "none";

    /// <summary>Human words for the model, e.g. "default model (trained on public JIT data)".</summary>
    public string ModelDescription { get; init; } = "no model";

    /// <summary>Why something fell back or could not be done (shallow clone, no git repository, corrupt model file); null when all went well.</summary>
    public string? Message { get; init; }

    /// <summary>What was scored, e.g. "working tree vs HEAD (3f2a1b9)".</summary>
    public string Subject { get; init; } = "";

    public IReadOnlyList<RiskFactor> Factors { get; init; } = Array.Empty<RiskFactor>();

    public IReadOnlyList<FileRisk> Files { get; init; } = Array.Empty<FileRisk>();

    public ChangeMetrics Metrics { get; init; } = ChangeMetrics.Empty;

    /// <summary>True when there was nothing to score (no changed files).</summary>
    public bool IsEmpty => Files.Count == 0;
}
