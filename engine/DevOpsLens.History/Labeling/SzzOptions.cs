using System.Text.RegularExpressions;

namespace DevOpsLens.History.Labeling;

/// <summary>How SZZ recognises fix commits and what it refuses to blame.</summary>
public sealed record SzzOptions
{
    public static readonly IReadOnlyList<string> DefaultKeywords = new[]
    {
        "fix", "fixes", "fixed", "fixing", "bug", "bugs", "bugfix", "defect", "defects", "patch", "hotfix",
        "crash", "crashes", "regression", "fault", "broken",
    };

    /// <summary>Words (whole words, any case) that mark a commit message as a bug fix.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = DefaultKeywords;

    /// <summary>Issue references such as <c>#123</c> or <c>JIRA-123</c> also mark a fix.</summary>
    public bool IssueReferences { get; init; } = true;

    /// <summary>A fix that touches more files than this is treated as a sweep, not a fix, and is not blamed.</summary>
    public int MaxFilesPerFix { get; init; } = 50;

    /// <summary>Commits with at least this many files and mostly whitespace changes are bulk reformats and are never blamed.</summary>
    public int BulkReformatMinFiles { get; init; } = 20;

    public static SzzOptions Default { get; } = new();
}

/// <summary>Decides from a commit message whether the commit fixes a bug.</summary>
public sealed class FixClassifier
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly Regex IssueReference = new(@"(?:^|[\s(\[])#\d+\b|\b[A-Z][A-Z0-9]+-\d+\b", RegexOptions.CultureInvariant, MatchTimeout);
    private static readonly Regex MergeOfPullRequest = new(@"^Merge (pull request|branch|remote-tracking branch)\b", RegexOptions.CultureInvariant, MatchTimeout);

    private readonly Regex _keywords;
    private readonly bool _issueReferences;

    public FixClassifier(SzzOptions options)
    {
        var words = options.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Regex.Escape(k.Trim())).ToArray();
        _keywords = words.Length == 0
            ? new Regex("(?!)", RegexOptions.None, MatchTimeout)
            : new Regex(@"\b(?:" + string.Join("|", words) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        _issueReferences = options.IssueReferences;
    }

    public bool IsFix(string? message)
    {
        if (string.IsNullOrEmpty(message) || MergeOfPullRequest.IsMatch(message))
        {
            return false;
        }

        try
        {
            return _keywords.IsMatch(message) || (_issueReferences && IssueReference.IsMatch(message));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
