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
    private static readonly Regex IssueReference = new(@"(?:^|[\s(\[])#\d+\b|\b(?<key>[A-Z][A-Z0-9]+)-\d+\b", RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>GitHub's squash-merge suffix "(#123)" names the pull request, not an issue: every commit of such repositories has one.</summary>
    private static readonly Regex PullRequestSuffix = new(@"\(#\d+\)[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>Standards and encodings that look like issue keys (UTF-8, SHA-256, RFC-7231).</summary>
    private static readonly HashSet<string> NotIssueKeys = new(StringComparer.Ordinal)
    {
        "UTF", "SHA", "ISO", "RFC", "HTTP", "TLS", "SSL", "AES", "RSA", "ECMA", "IEEE", "ES", "PEP", "MD", "CP", "WIN", "ANSI", "UCS", "HMAC", "PKCS", "CRC", "IPV", "NET",
    };
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
            return _keywords.IsMatch(message) || (_issueReferences && HasIssueReference(message));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool HasIssueReference(string message)
    {
        var text = PullRequestSuffix.Replace(message, "");
        foreach (Match match in IssueReference.Matches(text))
        {
            if (!match.Groups["key"].Success || !NotIssueKeys.Contains(match.Groups["key"].Value))
            {
                return true;
            }
        }

        return false;
    }
}
