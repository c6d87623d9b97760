using System.Text.Json;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Tests.Shared;
using NJsonSchema;

namespace DevOpsLens.Cli.Tests;

/// <summary>
/// Golden outputs for every format on the fixture. Set DEVOPSLENS_UPDATE_GOLDEN=1 to rewrite the files under
/// tests/DevOpsLens.Cli.Tests/Golden after an intended change, then review the diff.
/// </summary>
public sealed class ReportTests
{
    private static string GoldenDir => Path.Combine(TestPaths.RepoRoot, "tests", "DevOpsLens.Cli.Tests", "Golden");

    private static async Task<CliRun> CheckFixtureAsync(string format, bool withBaseline = true)
    {
        using var dir = new TempDir();
        Fixture.Write(dir);
        if (withBaseline)
        {
            // Accept the DL1005 finding, so the report shows a baseline suppression too.
            var accept = await CliRunner.RunAsync("check", dir.Path, "--format", "json", "--fail-on", "never");
            using var json = JsonDocument.Parse(accept.Output);
            var entry = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "DL1005");
            var baseline = Baseline.Create([new BaselineEntry(entry.GetProperty("fingerprint").GetString()!, "DL1005", entry.GetProperty("path").GetString()!)]);
            dir.Write(".devopslens/baseline.json", baseline.ToJson());
        }

        return await CliRunner.RunAsync("check", dir.Path, "--format", format, "--fail-on", "never");
    }

    [Theory]
    [InlineData("text", "check.txt")]
    [InlineData("json", "check.json")]
    [InlineData("sarif", "check.sarif")]
    [InlineData("markdown", "check.md")]
    public async Task Output_matches_golden_file(string format, string golden)
    {
        var run = await CheckFixtureAsync(format);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var path = Path.Combine(GoldenDir, golden);
        if (Environment.GetEnvironmentVariable("DEVOPSLENS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenDir);
            await File.WriteAllTextAsync(path, run.Output);
        }

        Assert.True(File.Exists(path), "Missing golden file " + path + "; run the tests with DEVOPSLENS_UPDATE_GOLDEN=1");
        Assert.Equal(await File.ReadAllTextAsync(path), run.Output);
    }

    [Fact]
    public async Task Output_is_identical_across_runs_and_folders()
    {
        var first = await CheckFixtureAsync("sarif");
        var second = await CheckFixtureAsync("sarif");
        Assert.Equal(first.Output, second.Output);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_validates_against_the_2_1_0_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepoRoot, "tests", "DevOpsLens.Cli.Tests", "Schemas", "sarif-schema-2.1.0.json"));
        var run = await CheckFixtureAsync("sarif");
        var errors = schema.Validate(run.Output);
        Assert.Empty(errors.Select(e => e.Path + ": " + e.Kind));

        // The validator must be able to fail: a result with a level SARIF does not define is rejected.
        var broken = run.Output.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal);
        Assert.NotEqual(run.Output, broken);
        Assert.NotEmpty(schema.Validate(broken));
    }

    [Fact]
    public async Task Sarif_results_point_at_their_rules_and_mark_suppressions()
    {
        var run = await CheckFixtureAsync("sarif");
        using var sarif = JsonDocument.Parse(run.Output);
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(result.GetProperty("ruleId").GetString(), rule.GetProperty("id").GetString());
            Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.Equal("%SRCROOT%", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.True(result.GetProperty("partialFingerprints").TryGetProperty("devopslens/v1", out _));
        }

        var kinds = results.Where(r => r.TryGetProperty("suppressions", out _)).Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("suppressions")[0].GetProperty("kind").GetString())).ToList();
        Assert.Contains(("DL1005", "external"), kinds);
        Assert.Contains(("DL3004", "inSource"), kinds);
    }

    [Fact]
    public async Task Json_lists_rule_metadata_fingerprints_and_suppressions()
    {
        var run = await CheckFixtureAsync("json");
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(findings.Count, findings.Select(f => f.GetProperty("fingerprint").GetString()).Distinct().Count());
        var baselined = findings.Single(f => f.GetProperty("ruleId").GetString() == "DL1005");
        Assert.Equal("baseline", baselined.GetProperty("suppression").GetProperty("kind").GetString());
        var ruleIds = root.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(findings.Select(f => f.GetProperty("ruleId").GetString()).Distinct().Order(StringComparer.Ordinal), ruleIds);
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "DL9002" && f.GetProperty("path").GetString() == ".editorconfig" && f.GetProperty("startLine").GetInt32() == 5);
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "DL9004" && f.GetProperty("path").GetString() == "data.txt");
    }

    [Fact]
    public async Task Markdown_caps_the_table()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 60; i++)
        {
            dir.Write("svc" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "/Dockerfile", "FROM ubuntu:latest\nUSER app\n");
        }

        var run = await CliRunner.RunAsync("check", dir.Path, "--format", "markdown", "--fail-on", "never");
        Assert.Equal(50, run.Output.Split('\n').Count(l => l.StartsWith("| 🟠", StringComparison.Ordinal)));
        Assert.Contains("… and 10 more.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_output_format_contains_a_full_secret()
    {
        using var dir = new TempDir();
        Fixture.Write(dir);
        dir.Write("src/Settings.cs", "class Settings\n{\n    const string Token = \"" + Planted.GitHubToken + "\";\n}\n");
        var outputs = new List<string>();
        foreach (var format in new[] { "text", "json", "sarif", "markdown" })
        {
            var run = await CliRunner.RunAsync("check", dir.Path, "--format", format, "--fail-on", "never");
            Assert.Contains("DL1001", run.Output, StringComparison.Ordinal);
            outputs.Add(run.Output + run.Error);
        }

        var baselineRun = await CliRunner.RunAsync("baseline", dir.Path);
        Assert.Equal(ExitCodes.Success, baselineRun.ExitCode);
        outputs.Add(await File.ReadAllTextAsync(Path.Combine(dir.Path, ".devopslens", "baseline.json")));

        foreach (var output in outputs)
        {
            foreach (var secret in Planted.All)
            {
                Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Output_option_writes_the_report_to_a_file()
    {
        using var dir = new TempDir();
        Fixture.Write(dir);
        var target = Path.Combine(dir.Path, "out", "report.sarif");
        var run = await CliRunner.RunAsync("check", dir.Path, "--format", "sarif", "--output", target);
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("\"version\": \"2.1.0\"", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Min_confidence_drops_lower_confidence_rules()
    {
        using var dir = new TempDir();
        Fixture.Write(dir);
        var all = await CliRunner.RunAsync("check", dir.Path, "--format", "json", "--no-baseline");
        var high = await CliRunner.RunAsync("check", dir.Path, "--format", "json", "--no-baseline", "--min-confidence", "high");
        Assert.Contains("\"DL1005\"", all.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"DL1005\"", high.Output, StringComparison.Ordinal);
        Assert.Contains("\"DL1001\"", high.Output, StringComparison.Ordinal);
    }
}
