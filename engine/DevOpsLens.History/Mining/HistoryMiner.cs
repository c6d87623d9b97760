using LibGit2Sharp;
using DevOpsLens.History.Risk;

namespace DevOpsLens.History.Mining;

/// <summary>The mined history of one tip, oldest first, plus what the user should know about it.</summary>
public sealed class MinedHistory
{
    public required IReadOnlyList<CommitRecord> Commits { get; init; }

    /// <summary>Commits diffed in this run (the rest came from the cache).</summary>
    public int NewlyMined { get; init; }

    public bool IsShallow { get; init; }

    /// <summary>Warnings in plain words (shallow clone, unreadable commits).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Walks a repository's history with LibGit2Sharp and turns each commit into a <see cref="CommitRecord"/>,
/// reusing the on-disk cache so a second run only diffs commits it has not seen.
/// </summary>
public static class HistoryMiner
{
    public const int MaxMessageLength = 2000;

    internal static readonly CompareOptions DiffOptions = new()
    {
        ContextLines = 0,
        InterhunkLines = 0,
        Similarity = SimilarityOptions.Renames,
        IncludeUnmodified = false,
    };

    /// <summary>Mines all commits reachable from <paramref name="tip"/> (HEAD when null).</summary>
    public static MinedHistory Mine(
        Repository repository,
        Commit? tip,
        string? cacheDirectory,
        IProgress<MiningProgress>? progress,
        CancellationToken cancellationToken)
    {
        tip ??= repository.Head.Tip;
        var warnings = new List<string>();
        var shallow = repository.Info.IsShallow;
        if (shallow)
        {
            warnings.Add("shallow clone: only the fetched history is mined, so experience and file-history metrics start at the shallow boundary (fetch with --unshallow or fetch-depth: 0 for full history)");
        }

        if (tip is null)
        {
            return new MinedHistory { Commits = Array.Empty<CommitRecord>(), IsShallow = shallow, Warnings = warnings };
        }

        var cache = new HistoryCache(cacheDirectory);
        var cached = cache.LoadCommits();
        var ordered = new List<CommitRecord>();
        var fresh = new List<CommitRecord>();
        var filter = new CommitFilter
        {
            IncludeReachableFrom = tip,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time | CommitSortStrategies.Reverse,
        };

        List<Commit> commits;
        try
        {
            commits = repository.Commits.QueryBy(filter).ToList();
        }
        catch (LibGit2SharpException ex)
        {
            warnings.Add("history could not be walked completely (" + ex.Message + "); scoring with no history");
            return new MinedHistory { Commits = Array.Empty<CommitRecord>(), IsShallow = shallow, Warnings = warnings };
        }

        var unreadable = 0;
        for (var i = 0; i < commits.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var commit = commits[i];
            if (!cached.TryGetValue(commit.Sha, out var record))
            {
                record = MineCommit(repository, commit);
                fresh.Add(record);
                if (fresh.Count % 500 == 0)
                {
                    // Flush as we go, so an interrupted first run on a long history is not lost.
                    cache.AppendCommits(fresh.GetRange(fresh.Count - 500, 500));
                }

                if ((fresh.Count & 63) == 0)
                {
                    progress?.Report(new MiningProgress(i + 1, commits.Count, "mining"));
                }
            }

            if (record.Error is not null)
            {
                unreadable++;
            }

            ordered.Add(record);
        }

        cache.AppendCommits(fresh.GetRange(fresh.Count - fresh.Count % 500, fresh.Count % 500));
        progress?.Report(new MiningProgress(commits.Count, commits.Count, "mining"));
        if (unreadable > 0)
        {
            warnings.Add($"{unreadable} commit(s) could not be read (missing or corrupt objects) and were skipped");
        }

        return new MinedHistory { Commits = ordered, NewlyMined = fresh.Count, IsShallow = shallow, Warnings = warnings };
    }

    internal static CommitRecord MineCommit(Repository repository, Commit commit)
    {
        var record = new CommitRecord { Id = commit.Sha };
        try
        {
            record.Parents = commit.Parents.Select(p => p.Sha).ToArray();
            var author = commit.Author;
            record.Author = AuthorKey(author.Email, author.Name);
            record.Time = author.When.ToUnixTimeSeconds();
            var message = commit.Message ?? "";
            record.Message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
            if (record.IsMerge)
            {
                // Kamei et al. leave merges out: their lines were already counted on the merged branch.
                return record;
            }

            // A root commit, or the boundary of a shallow clone, is compared with the empty tree.
            var parentTree = commit.Parents.FirstOrDefault()?.Tree;
            using var patch = repository.Diff.Compare<Patch>(parentTree, commit.Tree, DiffOptions);
            record.Files = ToFileChanges(patch, out var whitespace);
            record.WhitespaceLines = whitespace;
        }
        catch (LibGit2SharpException ex)
        {
            record.Error = ex.Message;
            record.Files = new List<FileChange>();
        }
        catch (NullReferenceException ex)
        {
            // A shallow boundary can surface as a parent whose objects are absent.
            record.Error = ex.Message;
            record.Files = new List<FileChange>();
        }

        return record;
    }

    internal static string AuthorKey(string? email, string? name)
    {
        if (!string.IsNullOrWhiteSpace(email))
        {
            return email.Trim().ToLowerInvariant();
        }

        return string.IsNullOrWhiteSpace(name) ? "unknown" : name.Trim().ToLowerInvariant();
    }

    internal static List<FileChange> ToFileChanges(Patch patch, out int whitespaceLines)
    {
        whitespaceLines = 0;
        var files = new List<FileChange>();
        foreach (var entry in patch)
        {
            if (entry.Mode == Mode.GitLink || entry.OldMode == Mode.GitLink)
            {
                continue;
            }

            var kind = entry.Status switch
            {
                ChangeKind.Added => 'A',
                ChangeKind.Deleted => 'D',
                ChangeKind.Renamed => 'R',
                ChangeKind.Copied => 'A',
                _ => 'M',
            };
            if (entry.Status is ChangeKind.Unmodified or ChangeKind.Ignored or ChangeKind.Untracked or ChangeKind.Unreadable)
            {
                continue;
            }

            var change = new FileChange
            {
                Path = entry.Path,
                OldPath = kind == 'R' ? entry.OldPath : null,
                Kind = kind,
                Added = entry.IsBinaryComparison ? 0 : entry.LinesAdded,
                Deleted = entry.IsBinaryComparison ? 0 : entry.LinesDeleted,
            };
            if (kind == 'R' && change.Added == 0 && change.Deleted == 0 && entry.Path == entry.OldPath)
            {
                continue;
            }

            if (!entry.IsBinaryComparison && entry.LinesAdded > 0 && entry.LinesDeleted > 0)
            {
                whitespaceLines += 2 * CountWhitespaceOnlyPairs(entry.DeletedLines, entry.AddedLines);
            }

            files.Add(change);
        }

        return files;
    }

    /// <summary>Pairs of a deleted and an added line that are equal once whitespace is removed.</summary>
    private static int CountWhitespaceOnlyPairs(IList<Line> deleted, IList<Line> added)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in deleted)
        {
            var key = Squash(line.Content);
            if (key.Length > 0)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var pairs = 0;
        foreach (var line in added)
        {
            var key = Squash(line.Content);
            if (key.Length > 0 && counts.TryGetValue(key, out var n) && n > 0)
            {
                counts[key] = n - 1;
                pairs++;
            }
        }

        return pairs;
    }

    internal static string Squash(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return string.Create(text.Count(c => !char.IsWhiteSpace(c)), text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!char.IsWhiteSpace(c))
                {
                    span[i++] = c;
                }
            }
        });
    }
}
