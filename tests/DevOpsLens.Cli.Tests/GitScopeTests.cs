using System.Text.Json;
using LibGit2Sharp;

namespace DevOpsLens.Cli.Tests;

/// <summary>--diff, --staged and --history on real temporary repositories.</summary>
public sealed class GitScopeTests
{
    private static List<(string Rule, string Path, int Line, JsonElement Finding)> Findings(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("startLine").GetInt32(), f.Clone()))
            .ToList();
    }

    [Fact]
    public async Task Diff_reports_only_lines_added_since_base()
    {
        using var dir = new TempDir();
        using var repo = GitFixture.Init(dir.Path);
        dir.Write("old.env", "GITHUB_TOKEN=" + Planted.GitHubToken + "\n");
        dir.Write("app.env", "NAME=demo\n");
        GitFixture.Commit(repo, "base");
        repo.CreateBranch("base");

        dir.Write("app.env", "NAME=demo\nDB_PASSWORD=" + Planted.DbPassword + "\n");
        GitFixture.Commit(repo, "feature");
        dir.Write("new.env", "TOKEN=" + Planted.GitHubToken + "\n");

        var run = await CliRunner.RunAsync("check", dir.Path, "--diff", "base", "--format", "json");
        var findings = Findings(run);
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains(findings, f => f.Rule == "DL1005" && f.Path == "app.env" && f.Line == 2);
        Assert.Contains(findings, f => f.Rule == "DL1001" && f.Path == "new.env");
        Assert.DoesNotContain(findings, f => f.Path == "old.env");

        var full = Findings(await CliRunner.RunAsync("check", dir.Path, "--format", "json"));
        Assert.Contains(full, f => f.Path == "old.env");
    }

    [Fact]
    public async Task Diff_reports_risky_dependency_changes_from_change_rules()
    {
        using var dir = new TempDir();
        using var repo = GitFixture.Init(dir.Path);
        dir.Write("Directory.Packages.props", "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Serilog\" Version=\"3.1.1\" />\n  </ItemGroup>\n</Project>\n");
        GitFixture.Commit(repo, "base");
        repo.CreateBranch("base");
        dir.Write("Directory.Packages.props", "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"Serilog\" Version=\"4.0.0\" />\n  </ItemGroup>\n</Project>\n");

        var findings = Findings(await CliRunner.RunAsync("check", dir.Path, "--diff", "base", "--format", "json", "--fail-on", "never"));
        Assert.Contains(findings, f => f.Rule == "DL3042" && f.Path == "Directory.Packages.props" && f.Line == 3);
    }

    [Fact]
    public async Task Staged_checks_the_index_not_the_working_tree()
    {
        using var dir = new TempDir();
        using var repo = GitFixture.Init(dir.Path);
        dir.Write("app.env", "NAME=demo\n");
        GitFixture.Commit(repo, "initial");

        dir.Write("app.env", "NAME=demo\nGITHUB_TOKEN=" + Planted.GitHubToken + "\n");
        LibGit2Sharp.Commands.Stage(repo, "app.env");
        dir.Write("app.env", "NAME=demo\n");
        dir.Write("unstaged.env", "DB_PASSWORD=" + Planted.DbPassword + "\n");

        var run = await CliRunner.RunAsync("check", dir.Path, "--staged", "--format", "json");
        var finding = Assert.Single(Findings(run));
        Assert.Equal(("DL1001", "app.env", 2), (finding.Rule, finding.Path, finding.Line));
        Assert.Equal(ExitCodes.Findings, run.ExitCode);

        var worktree = await CliRunner.RunAsync("check", dir.Path, "--format", "json");
        Assert.DoesNotContain(Findings(worktree), f => f.Rule == "DL1001");
    }

    [Fact]
    public async Task Staged_works_before_the_first_commit()
    {
        using var dir = new TempDir();
        using var repo = GitFixture.Init(dir.Path);
        dir.Write("first.env", "GITHUB_TOKEN=" + Planted.GitHubToken + "\n");
        LibGit2Sharp.Commands.Stage(repo, "first.env");
        var run = await CliRunner.RunAsync("check", dir.Path, "--staged", "--format", "json");
        Assert.Single(Findings(run), f => f.Rule == "DL1001" && f.Path == "first.env");
    }

    [Fact]
    public async Task History_finds_a_removed_secret_at_the_commit_that_added_it()
    {
        using var dir = new TempDir();
        using var repo = GitFixture.Init(dir.Path);
        dir.Write("README.md", "# demo\n");
        GitFixture.Commit(repo, "start");
        dir.Write("config/app.env", "NAME=demo\nGITHUB_TOKEN=" + Planted.GitHubToken + "\n");
        var added = GitFixture.Commit(repo, "add config");
        dir.Write("config/app.env", "NAME=demo2\nGITHUB_TOKEN=" + Planted.GitHubToken + "\n");
        GitFixture.Commit(repo, "edit config, secret still there");
        dir.Write("config/app.env", "NAME=demo2\nGITHUB_TOKEN=${GITHUB_TOKEN}\n");
        GitFixture.Commit(repo, "remove secret");

        var current = await CliRunner.RunAsync("check", dir.Path, "--format", "json");
        Assert.DoesNotContain(Findings(current), f => f.Rule == "DL1001");

        var run = await CliRunner.RunAsync("check", dir.Path, "--history", "--format", "json");
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var finding = Assert.Single(Findings(run), f => f.Rule == "DL1001");
        Assert.Equal("config/app.env", finding.Path);
        Assert.Equal(2, finding.Line);
        Assert.Equal(added.Sha, finding.Finding.GetProperty("properties").GetProperty("commit").GetString());
        Assert.Contains(added.Sha[..12], finding.Finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Planted.GitHubToken, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_scans_every_branch()
    {
        using var dir = new TempDir();
        using var repo = GitFixture.Init(dir.Path);
        dir.Write("README.md", "# demo\n");
        var start = GitFixture.Commit(repo, "start");
        var side = repo.CreateBranch("side");
        LibGit2Sharp.Commands.Checkout(repo, side);
        dir.Write("side.env", "GITHUB_TOKEN=" + Planted.GitHubToken + "\n");
        GitFixture.Commit(repo, "side work");
        LibGit2Sharp.Commands.Checkout(repo, repo.Branches[repo.Branches.First(b => b.FriendlyName != "side").FriendlyName]);
        Assert.False(File.Exists(Path.Combine(dir.Path, "side.env")));
        Assert.NotNull(start);

        var run = await CliRunner.RunAsync("check", dir.Path, "--history", "--format", "json");
        Assert.Single(Findings(run), f => f.Rule == "DL1001" && f.Path == "side.env");
    }

    [Fact]
    public async Task Git_modes_outside_a_repository_exit_2()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "x\n");
        var run = await CliRunner.RunAsync("check", dir.Path, "--history");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("not inside a git repository", run.Error, StringComparison.Ordinal);
    }
}
