using Xunit;

namespace DevOpsLens.Cli.Tests;

public sealed class FixCommandTests
{
    private const string Workflow = "name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n";
    private const string Dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:9.0\nCOPY app/ /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n";

    [Fact]
    public async Task Dry_run_lists_fixes_writes_nothing_and_exits_with_1()
    {
        using var dir = new TempDir();
        var workflow = dir.Write(".github/workflows/ci.yml", Workflow);
        var dockerfile = dir.Write("Dockerfile", Dockerfile);
        var run = await CliRunner.RunAsync("fix", "--dry-run", dir.Path);
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains(".github/workflows/ci.yml:3: DL3033", run.Output, StringComparison.Ordinal);
        Assert.Contains("Dockerfile:1: DL3021", run.Output, StringComparison.Ordinal);
        Assert.Contains("  + USER app", run.Output, StringComparison.Ordinal);
        Assert.Equal(Workflow, File.ReadAllText(workflow));
        Assert.Equal(Dockerfile, File.ReadAllText(dockerfile));
    }

    [Fact]
    public async Task Fix_applies_only_the_selected_rule_and_a_second_run_has_nothing_left()
    {
        using var dir = new TempDir();
        var workflow = dir.Write(".github/workflows/ci.yml", Workflow);
        var dockerfile = dir.Write("Dockerfile", Dockerfile);
        var run = await CliRunner.RunAsync("fix", "--rule", "DL3033", dir.Path);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("name: ci\non: push\npermissions:\n  contents: read\n\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n", File.ReadAllText(workflow));
        Assert.Equal(Dockerfile, File.ReadAllText(dockerfile));

        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync("fix", dir.Path)).ExitCode);
        Assert.Contains("USER app\nENTRYPOINT", File.ReadAllText(dockerfile), StringComparison.Ordinal);
        var again = await CliRunner.RunAsync("fix", "--dry-run", dir.Path);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("Would fix 0 finding(s)", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_keeps_a_byte_order_mark()
    {
        using var dir = new TempDir();
        var path = dir.Write("Dockerfile", string.Empty);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Dockerfile)]);
        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync("fix", dir.Path)).ExitCode);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        Assert.Equal(1, System.Text.Encoding.UTF8.GetString(bytes).Split("USER app").Length - 1);
    }

    [Fact]
    public async Task Unknown_rule_is_a_usage_error()
    {
        using var dir = new TempDir();
        var run = await CliRunner.RunAsync("fix", "--rule", "DL9999", dir.Path);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("unknown rule 'DL9999'", run.Error, StringComparison.Ordinal);
    }
}
