using System.CommandLine;

namespace DevOpsLens.Cli.Tests;

public sealed class ExitCodeTests
{
    [Fact]
    public async Task Clean_repository_exits_0()
    {
        using var dir = new TempDir();
        dir.Write("README.md", "# Hello\n");
        var run = await CliRunner.RunAsync("check", dir.Path);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("No findings in 1 file checked.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_finding_exits_1()
    {
        using var dir = new TempDir();
        dir.Write(".env", "GITHUB_TOKEN=" + Planted.GitHubToken + "\n");
        var run = await CliRunner.RunAsync("check", dir.Path);
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains(".env:1:14: error DL1001:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("never", ExitCodes.Success)]
    [InlineData("error", ExitCodes.Success)]
    [InlineData("warning", ExitCodes.Findings)]
    [InlineData("note", ExitCodes.Findings)]
    public async Task Fail_on_sets_the_gate(string failOn, int expected)
    {
        using var dir = new TempDir();
        dir.Write("Dockerfile", "FROM ubuntu:latest\nUSER app\n");
        var run = await CliRunner.RunAsync("check", dir.Path, "--fail-on", failOn);
        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public async Task Suppressed_findings_do_not_fail_the_gate()
    {
        using var dir = new TempDir();
        dir.Write(".env", "# devopslens-ignore DL1001: revoked test token\nGITHUB_TOKEN=" + Planted.GitHubToken + "\n");
        var run = await CliRunner.RunAsync("check", dir.Path);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("1 suppressed", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--no-such-option")]
    [InlineData("check", "--fail-on", "sometimes")]
    [InlineData("frobnicate")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--help' for usage", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_exits_2()
    {
        var run = await CliRunner.RunAsync("check", Path.Combine(Path.GetTempPath(), "dl-does-not-exist-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("No such file or directory", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-file-size", "lots")]
    [InlineData("--include", "[unclosed{")]
    [InlineData("--staged", "--history")]
    [InlineData("--diff", "main")]
    public async Task Invalid_option_values_exit_2(string option, string value)
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "x\n");
        var args = value.StartsWith("--", StringComparison.Ordinal) ? new[] { "check", dir.Path, option, value } : ["check", dir.Path, option, value];
        var run = await CliRunner.RunAsync(args);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith("devopslens check: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unexpected_exception_exits_3()
    {
        var root = Program.CreateRoot();
        var broken = new Command("explode");
        broken.SetAction((Func<ParseResult, int>)(_ => throw new InvalidOperationException("simulated bug")));
        root.Subcommands.Add(broken);
        var run = await CliRunner.RunAsync(root, ["explode"]);
        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        Assert.Contains("internal error", run.Error, StringComparison.Ordinal);
        Assert.Contains("simulated bug", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_compilation_keeps_text_rules_on_csharp_and_drops_compiler_rules()
    {
        using var dir = new TempDir();
        dir.Write("svc/Svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        dir.Write("svc/Worker.cs", "class Worker\n{\n    const string Token = \"" + Planted.GitHubToken + "\";\n    void Run() { try { } catch (System.Exception) { } }\n}\n");
        var full = await CliRunner.RunAsync("check", dir.Path, "--fail-on", "never");
        var skipped = await CliRunner.RunAsync("check", dir.Path, "--fail-on", "never", "--skip-compilation");
        Assert.Contains("svc/Worker.cs:3:27: error DL1001", full.Output, StringComparison.Ordinal);
        Assert.Contains("DL2001", full.Output, StringComparison.Ordinal);
        Assert.Contains("svc/Worker.cs:3:27: error DL1001", skipped.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DL2001", skipped.Output, StringComparison.Ordinal);
    }
}
