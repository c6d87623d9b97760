namespace DevOpsLens.Workspace.Files;

/// <summary>A file found by the walk: repository-relative path (forward slashes) and full path on disk.</summary>
public sealed record WalkedFile(string RelativePath, string FullPath);

/// <summary>
/// Enumerates the files of a repository the way git sees them: every .gitignore (nested, negation, directory-only,
/// anchored, <c>**</c>) plus .git/info/exclude; .git itself is always skipped, directory symlinks are not followed
/// (no cycles). Files named explicitly are taken as given, like <c>git add</c> of a path. Output is sorted ordinally.
/// </summary>
public sealed class FileWalker
{
    private readonly string _root;

    public FileWalker(string root) => _root = Path.GetFullPath(root);

    public IReadOnlyList<WalkedFile> Walk(IReadOnlyList<string>? paths, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, WalkedFile>(StringComparer.Ordinal);
        if (paths == null || paths.Count == 0)
        {
            WalkDirectory(_root, string.Empty, RootStack(), results, cancellationToken);
        }
        else
        {
            foreach (var path in paths)
            {
                var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(_root, path));
                var relative = WorkspacePaths.ToRelative(_root, full);
                if (Directory.Exists(full))
                {
                    WalkDirectory(full, relative == "." ? string.Empty : relative, StackFor(relative), results, cancellationToken);
                }
                else if (File.Exists(full))
                {
                    results[relative] = new WalkedFile(relative, full);
                }
                else
                {
                    throw new FileNotFoundException("No such file or directory: " + path, path);
                }
            }
        }

        return results.Values.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
    }

    private GitIgnoreStack RootStack()
    {
        var stack = GitIgnoreStack.Empty;
        var exclude = Path.Combine(_root, ".git", "info", "exclude");
        stack = stack.Push(Load(exclude, string.Empty));
        return stack;
    }

    /// <summary>The stack for a folder below the root: the root's files and every .gitignore on the way down.</summary>
    private GitIgnoreStack StackFor(string relativeDirectory)
    {
        var stack = RootStack();
        var current = string.Empty;
        foreach (var part in relativeDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries).Prepend(string.Empty).SkipLast(1))
        {
            current = current.Length == 0 ? part : current + "/" + part;
            stack = stack.Push(Load(Path.Combine(_root, current, ".gitignore"), current));
        }

        return stack;
    }

    private static GitIgnoreFile? Load(string path, string baseDirectory)
    {
        try
        {
            return File.Exists(path) ? GitIgnoreFile.Parse(baseDirectory, File.ReadAllText(path)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void WalkDirectory(string fullDirectory, string relativeDirectory, GitIgnoreStack parentStack, Dictionary<string, WalkedFile> results, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stack = parentStack.Push(Load(Path.Combine(fullDirectory, ".gitignore"), relativeDirectory));
        List<(string Name, string FullPath, bool IsDirectory, bool IsLink)> entries;
        try
        {
            // FileSystemEnumerable reads the entry kind from the directory listing itself: no FileSystemInfo per
            // entry and no readlink per folder, which made up most of the walk's time.
            entries = new System.IO.Enumeration.FileSystemEnumerable<(string, string, bool, bool)>(
                fullDirectory,
                (ref System.IO.Enumeration.FileSystemEntry e) => (e.FileName.ToString(), e.ToFullPath(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0, ReturnSpecialDirectories = false }).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, full, isDirectory, isLink) in entries)
        {
            var relative = relativeDirectory.Length == 0 ? name : relativeDirectory + "/" + name;
            if (isDirectory)
            {
                // Directory symlinks are not followed: no cycles, and nothing is scanned twice.
                if (name == ".git" || isLink || stack.IsIgnored(relative, isDirectory: true))
                {
                    continue;
                }

                WalkDirectory(full, relative, stack, results, cancellationToken);
            }
            else if (!stack.IsIgnored(relative, isDirectory: false) && name != ".git")
            {
                results[relative] = new WalkedFile(relative, full);
            }
        }
    }
}

/// <summary>Path conversions shared by the walker, the analyzer and the hosts.</summary>
public static class WorkspacePaths
{
    /// <summary>Repository-relative, forward slashes; a path outside the root stays absolute (forward slashes).</summary>
    public static string ToRelative(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        if (relative == "." )
        {
            return ".";
        }

        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return fullPath.Replace('\\', '/');
        }

        return relative.Replace('\\', '/');
    }

    public static string Normalize(string path) => path.Replace('\\', '/');
}
