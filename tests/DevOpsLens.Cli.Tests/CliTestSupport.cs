using System.CommandLine;
using LibGit2Sharp;

namespace DevOpsLens.Cli.Tests;

/// <summary>Runs the real command line in-process with captured standard output and error.</summary>
internal static class CliRunner
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(Program.CreateRoot(), args);

    public static async Task<CliRun> RunAsync(RootCommand root, string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await Program.RunAsync(root, args, new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>
/// Planted credentials. They are assembled at run time so that this source file is not itself a finding when
/// DevOpsLens checks its own repository; the values are fakes in the providers' formats.
/// </summary>
internal static class Planted
{
    public static readonly string GitHubToken = "ghp_" + "AY1Hj50uLDmqJUfirhD55RRTkyqo0V1APaDW";
    public static readonly string DbPassword = "Xk9mQ2vL" + "7pR4wZ8t";
    public static readonly string SqlPassword = "Zr8kq2Lw" + "9vTq";

    public static IEnumerable<string> All => [GitHubToken, DbPassword, SqlPassword];
}

/// <summary>A temporary folder deleted at dispose (best effort).</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dl-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}

/// <summary>The small repository the golden files describe: secrets, a Dockerfile, a broken .editorconfig line, suppressions.</summary>
internal static class Fixture
{
    public static void Write(TempDir dir)
    {
        dir.Write(".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.DL1003.severity = error\nthis line is not a setting\n");
        dir.Write(".env", "GITHUB_TOKEN=" + Planted.GitHubToken + "\nDB_PASSWORD=" + Planted.DbPassword + "\n");
        dir.Write("src/appsettings.json", "{\n  \"ConnectionStrings\": {\n    \"Main\": \"Server=db;Database=app;User Id=sa;Password=" + Planted.SqlPassword + ";\"\n  }\n}\n");
        dir.Write("deploy/Dockerfile", "# devopslens-ignore DL3004: base image pinned by the platform team's mirror\nFROM ubuntu:latest\nUSER app\n");
        dir.Write("docs/notes.txt", "Nothing to see here.\n");
        File.WriteAllBytes(System.IO.Path.Combine(dir.Path, "data.txt"), [0x41, 0x00, 0x42]);
    }
}

/// <summary>Builds small real git repositories for the --diff, --staged and --history tests.</summary>
internal static class GitFixture
{
    private static readonly Signature Author = new("Test", "test@example.invalid", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static Repository Init(string path) => new(Repository.Init(path));

    public static Commit Commit(Repository repo, string message)
    {
        LibGit2Sharp.Commands.Stage(repo, "*");
        return repo.Commit(message, Author, Author, new CommitOptions { AllowEmptyCommit = true });
    }
}
