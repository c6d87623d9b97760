using LibGit2Sharp;
using Xunit;

namespace DevOpsLens.Cli.Tests;

/// <summary><c>check --risk</c>: findings and the pending change's risk in one report.</summary>
public sealed class CheckRiskTests
{
    private static string Repository(TempDir dir, bool leaveChange)
    {
        LibGit2Sharp.Repository.Init(dir.Path);
        using var repo = new Repository(dir.Path);
        dir.Write("src/Orders.cs", string.Concat(Enumerable.Range(0, 20).Select(i => $"// line {i}\n")));
        LibGit2Sharp.Commands.Stage(repo, "*");
        var who = new Signature("Alice", "alice@example.com", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        repo.Commit("initial", who, who);
        dir.Write("deploy/app.env", "DB_PASSWORD=" + Planted.DbPassword + "\n");
        LibGit2Sharp.Commands.Stage(repo, "*");
        var later = new Signature("Alice", "alice@example.com", new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        repo.Commit("add settings", later, later);
        if (leaveChange)
        {
            dir.Write("src/Orders.cs", string.Concat(Enumerable.Range(0, 300).Select(i => $"// changed {i}\n")));
        }

        return dir.Path;
    }

    [Fact]
    public async Task Reports_findings_and_the_working_change_risk()
    {
        using var dir = new TempDir();
        var root = Repository(dir, leaveChange: true);

        var run = await CliRunner.RunAsync("check", root, "--risk", "--no-progress", "--fail-on", "warning");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("DL1005", run.Output);
        Assert.Contains("Change risk ", run.Output);
        Assert.Contains("working tree vs HEAD", run.Output);
        Assert.Contains("Model: ", run.Output);
        Assert.DoesNotContain(Planted.DbPassword, run.Output);
    }

    [Fact]
    public async Task Scores_the_last_commit_on_a_clean_tree()
    {
        using var dir = new TempDir();
        var root = Repository(dir, leaveChange: false);

        var run = await CliRunner.RunAsync("check", root, "--risk", "--no-progress", "--format", "markdown");

        Assert.Contains("add settings", run.Output);
        Assert.DoesNotContain("working tree vs HEAD", run.Output);
    }

    [Fact]
    public async Task Risk_with_a_machine_format_is_a_usage_error()
    {
        using var dir = new TempDir();

        var run = await CliRunner.RunAsync("check", dir.Path, "--risk", "--format", "json");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("devopslens risk --format json", run.Error);
    }
}
