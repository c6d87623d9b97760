using DevOpsLens.History.Mining;
using DevOpsLens.History.Risk;
using LibGit2Sharp;

namespace DevOpsLens.History.Labeling;

/// <summary>The result of SZZ over a mined history.</summary>
public sealed class SzzLabels
{
    public required IReadOnlySet<string> FixCommits { get; init; }

    /// <summary>Commits some later fix blamed: the positive class.</summary>
    public required IReadOnlySet<string> BugInducing { get; init; }

    /// <summary>For each fix, the commits it blamed.</summary>
    public required IReadOnlyDictionary<string, string[]> Blamed { get; init; }
}

/// <summary>
/// SZZ (Śliwerski, Zimmermann, Zeller 2005) with the usual refinements: for each fix commit, blame the
/// fix's parent on the lines the fix deleted or modified, skipping blank, comment-only and whitespace-only
/// lines, and never blaming merges or bulk reformats.
/// </summary>
public static class SzzLabeler
{
    public static SzzLabels Label(
        Repository repository,
        IReadOnlyList<CommitRecord> history,
        SzzOptions options,
        string? cacheDirectory,
        IProgress<MiningProgress>? progress,
        CancellationToken cancellationToken)
    {
        var classifier = new FixClassifier(options);
        var byId = history.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var fixes = history.Where(c => !c.IsMerge && c.Error is null && classifier.IsFix(c.Message)).ToList();
        var cache = new HistoryCache(cacheDirectory);
        var cached = cache.LoadSzz();
        var fresh = new List<SzzRecord>();
        var blamed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var done = 0;
        foreach (var fix in fixes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!cached.TryGetValue(fix.Id, out var record))
            {
                record = new SzzRecord { Fix = fix.Id, Inducing = BlameFix(repository, fix, options) };
                fresh.Add(record);
                if ((fresh.Count & 15) == 0)
                {
                    progress?.Report(new MiningProgress(done, fixes.Count, "labelling"));
                }
            }

            done++;
            blamed[fix.Id] = record.Inducing;
        }

        cache.AppendSzz(fresh);
        if (fixes.Count > 0)
        {
            progress?.Report(new MiningProgress(fixes.Count, fixes.Count, "labelling"));
        }

        var inducing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, ids) in blamed)
        {
            foreach (var id in ids)
            {
                if (byId.TryGetValue(id, out var candidate) && !candidate.IsMerge && !candidate.IsBulkReformat(options.BulkReformatMinFiles))
                {
                    inducing.Add(id);
                }
            }
        }

        return new SzzLabels
        {
            FixCommits = fixes.Select(f => f.Id).ToHashSet(StringComparer.Ordinal),
            BugInducing = inducing,
            Blamed = blamed,
        };
    }

    /// <summary>The commits that last touched the lines a fix deleted or modified, as seen at the fix's parent.</summary>
    internal static string[] BlameFix(Repository repository, CommitRecord fix, SzzOptions options)
    {
        if (fix.Parents.Length != 1 || fix.Files.Count > options.MaxFilesPerFix)
        {
            return Array.Empty<string>();
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var commit = repository.Lookup<Commit>(fix.Id);
            var parent = commit?.Parents.FirstOrDefault();
            if (commit is null || parent is null)
            {
                return Array.Empty<string>();
            }

            using var patch = repository.Diff.Compare<Patch>(parent.Tree, commit.Tree, HistoryMiner.DiffOptions);
            foreach (var entry in patch)
            {
                if (entry.Status is not (ChangeKind.Modified or ChangeKind.Renamed or ChangeKind.Deleted) || entry.IsBinaryComparison || entry.LinesDeleted == 0)
                {
                    continue;
                }

                var added = new HashSet<string>(entry.AddedLines.Select(l => HistoryMiner.Squash(l.Content)), StringComparer.Ordinal);
                var lines = entry.DeletedLines
                    .Where(l => !IsBlankOrComment(l.Content) && !added.Contains(HistoryMiner.Squash(l.Content)))
                    .Select(l => l.LineNumber)
                    .ToList();
                if (lines.Count == 0)
                {
                    continue;
                }

                BlameHunkCollection blame;
                try
                {
                    blame = repository.Blame(entry.OldPath, new BlameOptions { StartingAt = parent, MinLine = lines.Min(), MaxLine = lines.Max() });
                }
                catch (LibGit2SharpException)
                {
                    continue;
                }

                foreach (var line in lines)
                {
                    var hunk = blame.HunkForLine(line - 1);
                    if (hunk?.FinalCommit is { } origin && origin.Sha != fix.Id)
                    {
                        result.Add(origin.Sha);
                    }
                }
            }
        }
        catch (LibGit2SharpException)
        {
            // Missing objects (a shallow boundary, corruption): this fix labels nothing rather than failing the run.
        }
        catch (ArgumentOutOfRangeException)
        {
        }

        return result.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Blank lines and lines that are only a comment carry no behaviour a fix could have corrected.</summary>
    internal static bool IsBlankOrComment(string? content)
    {
        var text = content?.Trim() ?? "";
        if (text.Length == 0)
        {
            return true;
        }

        return text.StartsWith("//", StringComparison.Ordinal)
            || text.StartsWith("/*", StringComparison.Ordinal)
            || text.StartsWith("*", StringComparison.Ordinal)
            || text.StartsWith("#", StringComparison.Ordinal) && !text.StartsWith("#include", StringComparison.Ordinal) && !text.StartsWith("#if", StringComparison.Ordinal) && !text.StartsWith("#define", StringComparison.Ordinal) && !text.StartsWith("#region", StringComparison.Ordinal)
            || text.StartsWith("--", StringComparison.Ordinal)
            || text.StartsWith("<!--", StringComparison.Ordinal)
            || text.StartsWith("'''", StringComparison.Ordinal)
            || text.StartsWith("\"\"\"", StringComparison.Ordinal)
            || text is "{" or "}" or "(" or ")" or "[" or "]" or ";" or "};" or "end";
    }
}
