namespace DevOpsLens.Cli.Git;

/// <summary>
/// Finds the working tree that contains a folder the way <c>git rev-parse --show-toplevel</c> does: the nearest folder
/// upward holding a <c>.git</c> folder or a <c>.git</c> file (a linked worktree or a submodule). Plain file checks on
/// purpose: every <c>check</c> starts here, and loading libgit2 for it cost more than a small scan.
/// </summary>
internal static class RepositoryRoot
{
    /// <summary>The working directory of the repository containing <paramref name="path"/>; null outside a repository or inside a bare one.</summary>
    public static string? Find(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(path)); dir != null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit) ? IsGitDirectory(dotGit) : IsGitLink(dotGit))
            {
                return dir.FullName.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is { Length: > 0 } trimmed ? trimmed : dir.FullName;
            }

            if (IsGitDirectory(dir.FullName))
            {
                // Inside a .git folder the working tree is its parent; a bare repository has none.
                return dir.Name == ".git" && dir.Parent != null ? dir.Parent.FullName : null;
            }
        }

        return null;
    }

    private static bool IsGitDirectory(string dir) =>
        File.Exists(Path.Combine(dir, "HEAD")) && Directory.Exists(Path.Combine(dir, "objects")) && Directory.Exists(Path.Combine(dir, "refs"));

    private static bool IsGitLink(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return false;
            }

            using var reader = new StreamReader(file);
            return reader.ReadLine() is { } first && first.StartsWith("gitdir:", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
