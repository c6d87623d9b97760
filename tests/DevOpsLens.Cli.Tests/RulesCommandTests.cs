using System.Text.Json;
using DevOpsLens.Cli.Commands;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Tests.Shared;

namespace DevOpsLens.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public void Rules_index_page_is_up_to_date()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "docs", "rules", "README.md");
        Assert.True(File.Exists(path), "docs/rules/README.md is missing; run: devopslens rules --format markdown > docs/rules/README.md");
        Assert.True(
            File.ReadAllText(path) == RulesCommand.Markdown(),
            "docs/rules/README.md is stale; regenerate it with: devopslens rules --format markdown > docs/rules/README.md");
    }

    [Fact]
    public async Task Markdown_output_lists_every_rule_once()
    {
        var run = await CliRunner.RunAsync("rules", "--format", "markdown");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(RulesCommand.Markdown(), run.Output);
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Single(run.Output.Split('\n'), l => l.StartsWith("| [" + rule.Id + "](" + rule.Id + ".md) | " + rule.Title + " |", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Json_output_has_the_whole_catalog()
    {
        var run = await CliRunner.RunAsync("rules", "--format", "json");
        using var json = JsonDocument.Parse(run.Output);
        var ids = json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), ids);
    }

    [Fact]
    public async Task Text_output_has_one_line_per_rule()
    {
        var run = await CliRunner.RunAsync("rules");
        Assert.Equal(RuleCatalog.All.Count, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Baseline_verb_writes_a_baseline_that_check_then_applies()
    {
        using var dir = new TempDir();
        Fixture.Write(dir);
        var written = await CliRunner.RunAsync("baseline", dir.Path);
        Assert.Equal(ExitCodes.Success, written.ExitCode);
        var text = await File.ReadAllTextAsync(Path.Combine(dir.Path, ".devopslens", "baseline.json"));
        Assert.DoesNotContain("DL9", text, StringComparison.Ordinal);

        var check = await CliRunner.RunAsync("check", dir.Path);
        Assert.Equal(ExitCodes.Success, check.ExitCode);
        Assert.Contains("suppressed", check.Output, StringComparison.Ordinal);

        var again = await CliRunner.RunAsync("baseline", dir.Path);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Equal(text, await File.ReadAllTextAsync(Path.Combine(dir.Path, ".devopslens", "baseline.json")));
    }
    [Fact]
    public async Task Baselining_one_folder_keeps_the_entries_of_the_others()
    {
        using var dir = new TempDir();
        GitFixture.Init(dir.Path).Dispose();
        dir.Write("svc-a/.env", "GITHUB_TOKEN=" + Planted.GitHubToken + "\n");
        dir.Write("svc-b/.env", "DB_PASSWORD=" + Planted.DbPassword + "\n");
        var baselinePath = Path.Combine(dir.Path, ".devopslens", "baseline.json");

        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync("baseline", dir.Path)).ExitCode);
        var both = await File.ReadAllTextAsync(baselinePath);
        Assert.Contains("svc-a/.env", both, StringComparison.Ordinal);
        Assert.Contains("svc-b/.env", both, StringComparison.Ordinal);

        // svc-a's secret is fixed and svc-a re-baselined: its entry goes, svc-b's stays.
        dir.Write("svc-a/.env", "GITHUB_TOKEN=${GITHUB_TOKEN}\n");
        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync("baseline", Path.Combine(dir.Path, "svc-a"))).ExitCode);
        var merged = await File.ReadAllTextAsync(baselinePath);
        Assert.DoesNotContain("svc-a/.env", merged, StringComparison.Ordinal);
        Assert.Contains("svc-b/.env", merged, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync("check", dir.Path)).ExitCode);
    }
}
