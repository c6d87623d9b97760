using System.Text.Json.Serialization;

namespace DevOpsLens.History.Mining;

/// <summary>
/// What mining keeps of one commit: enough to replay the history state (file sizes, authors, ages)
/// without touching git again. One JSON line per commit in the cache.
/// </summary>
public sealed class CommitRecord
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("p")]
    public string[] Parents { get; set; } = Array.Empty<string>();

    /// <summary>Author identity used for experience metrics: lower-cased e-mail, or the name when there is no e-mail.</summary>
    [JsonPropertyName("a")]
    public string Author { get; set; } = "";

    /// <summary>Author time, unix seconds.</summary>
    [JsonPropertyName("t")]
    public long Time { get; set; }

    /// <summary>Commit message, cut to <see cref="HistoryMiner.MaxMessageLength"/> characters.</summary>
    [JsonPropertyName("m")]
    public string Message { get; set; } = "";

    [JsonPropertyName("f")]
    public List<FileChange> Files { get; set; } = new();

    /// <summary>Changed lines (added + deleted) that only differ from a line on the other side by whitespace.</summary>
    [JsonPropertyName("ws")]
    public int WhitespaceLines { get; set; }

    /// <summary>Set when git could not diff this commit (missing or corrupt objects); the commit is skipped.</summary>
    [JsonPropertyName("err")]
    public string? Error { get; set; }

    [JsonIgnore]
    public bool IsMerge => Parents.Length > 1;

    [JsonIgnore]
    public int LinesChanged => Files.Sum(f => f.Added + f.Deleted);

    /// <summary>
    /// A commit that touches many files and is mostly whitespace (a reformat). SZZ does not blame it and it is
    /// not used as a training example: it carries no decision a developer could get wrong.
    /// </summary>
    public bool IsBulkReformat(int minFiles = 20, double minWhitespaceShare = 0.8) =>
        Files.Count >= minFiles && LinesChanged > 0 && WhitespaceLines >= minWhitespaceShare * LinesChanged;
}

/// <summary>One file of a commit's diff against its first parent.</summary>
public sealed class FileChange
{
    [JsonPropertyName("p")]
    public string Path { get; set; } = "";

    /// <summary>Previous path of a rename; null otherwise.</summary>
    [JsonPropertyName("o")]
    public string? OldPath { get; set; }

    /// <summary>A added, M modified, D deleted, R renamed.</summary>
    [JsonPropertyName("k")]
    public char Kind { get; set; } = 'M';

    [JsonPropertyName("la")]
    public int Added { get; set; }

    [JsonPropertyName("ld")]
    public int Deleted { get; set; }
}

/// <summary>Bug-inducing commits that SZZ found for one fix commit, cached by the fix's id.</summary>
public sealed class SzzRecord
{
    [JsonPropertyName("fix")]
    public string Fix { get; set; } = "";

    [JsonPropertyName("ind")]
    public string[] Inducing { get; set; } = Array.Empty<string>();
}
