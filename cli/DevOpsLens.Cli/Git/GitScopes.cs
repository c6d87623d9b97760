using System.Collections.Concurrent;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Rules;
using DevOpsLens.Workspace;
using DevOpsLens.Workspace.Files;
using LibGit2Sharp;

namespace DevOpsLens.Cli.Git;

/// <summary>A problem the user must fix (unknown revision, not a repository): exit code 2 with this message.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The git-aware scopes of <c>check</c>: <c>--diff BASE</c> (what the change adds compared with BASE),
/// <c>--staged</c> (the index compared with HEAD, reading staged blobs) and <c>--history</c> (every blob ever
/// committed, secrets only). All go through the same <see cref="WorkspaceAnalyzer"/> as a plain scan.
/// </summary>
internal static class GitScopes
{
    private const int HistoryBatchSize = 256;

    public static Repository Open(string root)
    {
        try
        {
            return new Repository(root);
        }
        catch (RepositoryNotFoundException)
        {
            throw new UsageException("'" + root + "' is not inside a git repository; --diff, --staged and --history need one");
        }
        catch (LibGit2SharpException ex)
        {
            throw new UsageException("The git repository at '" + root + "' could not be opened: " + ex.Message);
        }
    }

    /// <summary>Findings on lines the working tree adds compared with the merge base of BASE and HEAD, plus change-rule findings.</summary>
    public static async Task<ScanResult> DiffAsync(WorkspaceAnalyzer workspace, string baseRevision, ScanRequest request, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        using var repo = Open(workspace.Root);
        var baseCommit = ResolveCommit(repo, baseRevision);
        var head = repo.Head?.Tip;
        var from = head != null ? repo.ObjectDatabase.FindMergeBase(baseCommit, head) ?? baseCommit : baseCommit;

        var added = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var beforeIds = new Dictionary<string, ObjectId?>(StringComparer.Ordinal);
        var patch = repo.Diff.Compare<Patch>(from.Tree, DiffTargets.WorkingDirectory);
        foreach (var entry in patch)
        {
            if (entry.Status is ChangeKind.Deleted or ChangeKind.Unmodified or ChangeKind.Ignored)
            {
                continue;
            }

            added[entry.Path] = entry.AddedLines.Select(l => l.LineNumber).ToHashSet();
            beforeIds[entry.Path] = entry.Status == ChangeKind.Added ? null : from[entry.OldPath]?.Target?.Id;
        }

        foreach (var untracked in repo.RetrieveStatus(new StatusOptions { IncludeIgnored = false, RecurseUntrackedDirs = true }).Untracked)
        {
            added[untracked.FilePath] = AllLines;
            beforeIds[untracked.FilePath] = null;
        }

        var existing = added.Keys.Where(p => File.Exists(Path.Combine(workspace.Root, p))).OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (existing.Count == 0)
        {
            return new ScanResult([], 0, 0);
        }

        var scan = await workspace.ScanAsync(new ScanRequest
        {
            Paths = existing,
            Include = request.Include,
            Exclude = request.Exclude,
            MaxFileSize = request.MaxFileSize,
            UseBaseline = request.UseBaseline,
            BaselinePath = request.BaselinePath,
        }, progress, cancellationToken).ConfigureAwait(false);

        var findings = scan.Findings.Where(f => IsOnAddedLine(f, added)).ToList();
        foreach (var path in existing)
        {
            var before = beforeIds[path] is { } id && repo.Lookup<Blob>(id) is { } blob ? Decode(blob, request.MaxFileSize) : null;
            string? after;
            try
            {
                after = FileContent.Decode(await File.ReadAllBytesAsync(Path.Combine(workspace.Root, path), cancellationToken).ConfigureAwait(false), request.MaxFileSize ?? FileContent.DefaultMaxFileSize).Text;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                after = null;
            }

            if (after != null)
            {
                findings.AddRange(workspace.AnalyzeChange(path, before, after, cancellationToken));
            }
        }

        return new ScanResult(Distinct(findings), scan.FilesChecked, scan.FilesSkipped);
    }

    /// <summary>The staged content (index) compared with HEAD: what the next commit adds. Reads blobs, not the working tree.</summary>
    public static async Task<ScanResult> StagedAsync(WorkspaceAnalyzer workspace, ScanRequest request, CancellationToken cancellationToken)
    {
        using var repo = Open(workspace.Root);
        var headTree = repo.Head?.Tip?.Tree;
        var patch = repo.Diff.Compare<Patch>(headTree, DiffTargets.Index);
        var filter = new PathFilter(request.Include, request.Exclude);
        var work = new List<(string Path, HashSet<int> Added, string? Before, string? After, string? SkipReason)>();
        foreach (var entry in patch.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            if (entry.Status is ChangeKind.Deleted or ChangeKind.Unmodified || !filter.IsIncluded(entry.Path))
            {
                continue;
            }

            var indexEntry = repo.Index[entry.Path];
            if (indexEntry == null || repo.Lookup<Blob>(indexEntry.Id) is not { } blob)
            {
                continue;
            }

            var maxSize = request.MaxFileSize ?? workspace.GetConfiguration(entry.Path).MaxFileSize ?? FileContent.DefaultMaxFileSize;
            var loaded = blob.Size > maxSize
                ? new FileLoadResult(FileLoadStatus.TooLarge, null, "larger than the size limit")
                : FileContent.Decode(ReadAll(blob), maxSize);
            var before = entry.Status == ChangeKind.Added || headTree?[entry.OldPath]?.Target is not Blob old ? null : Decode(old, maxSize);
            work.Add((entry.Path, entry.AddedLines.Select(l => l.LineNumber).ToHashSet(), before, loaded.Text, loaded.Text == null ? loaded.Reason : null));
        }

        var findings = new ConcurrentBag<Finding>();
        var skipped = 0;
        await Parallel.ForEachAsync(work, cancellationToken, async (item, ct) =>
        {
            if (item.After == null)
            {
                Interlocked.Increment(ref skipped);
                return;
            }

            var map = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal) { [item.Path] = item.Added };
            foreach (var finding in await workspace.AnalyzeDocumentAsync(item.Path, item.After, ct).ConfigureAwait(false))
            {
                if (IsOnAddedLine(finding, map))
                {
                    findings.Add(finding);
                }
            }

            foreach (var finding in workspace.AnalyzeChange(item.Path, item.Before, item.After, ct))
            {
                findings.Add(finding);
            }
        }).ConfigureAwait(false);

        return new ScanResult(Distinct(findings), work.Count - skipped, skipped);
    }

    /// <summary>
    /// Every blob reachable from any ref, oldest commit first, each blob scanned once with the secret rules only;
    /// a secret is reported once, at the commit and path where it first appeared.
    /// </summary>
    public static async Task<ScanResult> HistoryAsync(WorkspaceAnalyzer workspace, ScanRequest request, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        using var repo = Open(workspace.Root);
        var secretRules = workspace.Rules.DocumentRules.Where(r => r.Rules.Any(d => d.Tags.Contains("secrets"))).ToList();
        var analyzer = new DocumentAnalyzer(secretRules);
        var filter = new PathFilter(request.Include, request.Exclude);
        var seenBlobs = new HashSet<ObjectId>();
        var firstSeen = new Dictionary<string, Finding>(StringComparer.Ordinal);
        long sequence = 0;
        var checkedBlobs = 0;
        var skipped = 0;
        var batch = new List<(string Path, string Commit, long Sequence, string Text)>();

        if (repo.Head?.Tip == null && !repo.Refs.Any())
        {
            return new ScanResult([], 0, 0);
        }

        var commits = repo.Commits.QueryBy(new CommitFilter
        {
            IncludeReachableFrom = repo.Refs.Where(r => r.ResolveToDirectReference()?.Target is Commit).ToList(),
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        });

        foreach (var commit in commits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parent = commit.Parents.FirstOrDefault();
            var changes = repo.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree);
            foreach (var change in changes.OrderBy(c => c.Path, StringComparer.Ordinal))
            {
                if (change.Status is ChangeKind.Deleted or ChangeKind.Unmodified || change.Mode == Mode.GitLink || !seenBlobs.Add(change.Oid) || !filter.IsIncluded(change.Path))
                {
                    continue;
                }

                if (repo.Lookup<Blob>(change.Oid) is not { } blob)
                {
                    continue;
                }

                var maxSize = request.MaxFileSize ?? workspace.GetConfiguration(change.Path).MaxFileSize ?? FileContent.DefaultMaxFileSize;
                if (blob.Size > maxSize || FileContent.HasBinaryExtension(change.Path))
                {
                    skipped++;
                    continue;
                }

                var loaded = FileContent.Decode(ReadAll(blob), maxSize);
                if (loaded.Text == null)
                {
                    skipped++;
                    continue;
                }

                checkedBlobs++;
                batch.Add((change.Path, commit.Sha, sequence++, loaded.Text));
                if (batch.Count >= HistoryBatchSize)
                {
                    await AnalyzeBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                }
            }

            progress?.Report(new ScanProgress(checkedBlobs, 0, commit.Sha[..8]));
        }

        await AnalyzeBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        return new ScanResult(firstSeen.Values.ToList(), checkedBlobs, skipped);

        async Task AnalyzeBatchAsync(List<(string Path, string Commit, long Sequence, string Text)> items, CancellationToken ct)
        {
            var results = new ConcurrentBag<(long Sequence, string Commit, Finding Finding)>();
            await Parallel.ForEachAsync(items, ct, (item, token) =>
            {
                var options = workspace.GetConfiguration(item.Path).Options;
                foreach (var finding in analyzer.Analyze(new DocumentContext(item.Path, item.Text, options, token)))
                {
                    results.Add((item.Sequence, item.Commit, finding));
                }

                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);

            foreach (var (_, sha, finding) in results.OrderBy(r => r.Sequence).ThenBy(r => r.Finding.Range.Start))
            {
                var key = finding.Fingerprint ?? finding.ToString();
                if (firstSeen.ContainsKey(key))
                {
                    continue;
                }

                var properties = new Dictionary<string, string>(finding.Properties, StringComparer.Ordinal) { ["commit"] = sha };
                firstSeen[key] = new Finding(finding.RuleId, finding.Path, finding.Range, finding.Start, finding.End, finding.Message + " (first added in commit " + sha[..12] + ")", finding.Severity, properties)
                {
                    Fingerprint = finding.Fingerprint,
                    Suppression = finding.Suppression,
                    SuppressionJustification = finding.SuppressionJustification,
                };
            }
        }
    }

    private static readonly HashSet<int> AllLines = [];

    private static bool IsOnAddedLine(Finding finding, Dictionary<string, HashSet<int>> added)
    {
        if (!added.TryGetValue(finding.Path, out var lines))
        {
            return false;
        }

        // Untracked files are added in full; tool findings (file skipped, bad config) concern the whole change.
        return ReferenceEquals(lines, AllLines) || finding.RuleId.StartsWith("DL9", StringComparison.Ordinal) || lines.Contains(finding.Start.Line + 1);
    }

    private static Commit ResolveCommit(Repository repo, string revision)
    {
        GitObject? target;
        try
        {
            target = repo.Lookup(revision);
        }
        catch (LibGit2SharpException)
        {
            target = null;
        }

        return target?.Peel<Commit>() ?? throw new UsageException("--diff: unknown revision '" + revision + "' (fetch it first, e.g. git fetch origin main, and use origin/main)");
    }

    private static byte[] ReadAll(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string? Decode(Blob blob, long? maxSize)
    {
        var limit = maxSize ?? FileContent.DefaultMaxFileSize;
        return blob.Size > limit ? null : FileContent.Decode(ReadAll(blob), limit).Text;
    }

    private static IReadOnlyList<Finding> Distinct(IEnumerable<Finding> findings)
    {
        var list = findings
            .GroupBy(f => (f.RuleId, f.Path, f.Range.Start, f.Range.Length, f.Message))
            .Select(g => g.First())
            .ToList();
        list.Sort(Finding.Compare);
        return list;
    }
}
