using LibGit2Sharp;

namespace DevOpsLens.History.Tests;

/// <summary>A real git repository in a temp folder, built commit by commit with fixed authors and times.</summary>
internal sealed class TestRepository : IDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public TestRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "dl-risk-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Repository.Init(Root);
        Repo = new Repository(Root);
    }

    public string Root { get; }

    public Repository Repo { get; }

    public string CacheDirectory => Path.Combine(Root, ".git", "devopslens", "cache");

    public static string Lines(string prefix, int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix}{i}\n"));

    public void Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Delete(string path) => File.Delete(Path.Combine(Root, path));

    /// <summary>Writes the files, stages everything and commits as <paramref name="author"/> at Start + <paramref name="day"/> days.</summary>
    public string Commit(string message, string author, double day, params (string Path, string? Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            if (content is null)
            {
                Delete(path);
            }
            else
            {
                Write(path, content);
            }
        }

        Commands.Stage(Repo, "*");
        var signature = new Signature(author, author.ToLowerInvariant() + "@example.com", Start.AddDays(day));
        return Repo.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    public void Dispose()
    {
        Repo.Dispose();
        DeleteTree(Root);
    }

    public static void DeleteTree(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does not make a test wrong.
        }
    }
}
