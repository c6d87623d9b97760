using DevOpsLens.Engine.Catalog;
using DevOpsLens.Engine.Configuration;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Engine.Text;

namespace DevOpsLens.Workspace.Tests;

public sealed class BaselineTests
{
    private static Finding Make(string rule, string path, string content, int line) =>
        new(rule, path, new TextRange(line * 10, 5), new LinePosition(line, 0), new LinePosition(line, 5), "m", Severity.Error)
        {
            Fingerprint = Fingerprints.Compute(rule, path, content),
        };

    [Fact]
    public void Round_trip_keeps_every_entry()
    {
        var findings = new[] { Make("DL1001", "b.json", "AKIA1", 3), Make("DL1005", "a.env", "pw", 1) };
        var json = Baseline.FromFindings(findings).ToJson();
        var parsed = Baseline.Parse(".devopslens/baseline.json", json, out var problem);
        Assert.Null(problem);
        Assert.Equal(findings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal), parsed.Entries.Select(e => e.Fingerprint).Order(StringComparer.Ordinal));
        Assert.Equal(json, parsed.ToJson());
    }

    [Fact]
    public void Output_is_sorted_and_independent_of_input_order_and_line_numbers()
    {
        var a = new[] { Make("DL1001", "b.json", "AKIA1", 3), Make("DL1005", "a.env", "pw", 1), Make("DL1001", "a.env", "AKIA2", 9) };
        var moved = new[] { Make("DL1001", "a.env", "AKIA2", 40), Make("DL1005", "a.env", "pw", 20), Make("DL1001", "b.json", "AKIA1", 30) };
        var json = Baseline.FromFindings(a).ToJson();
        Assert.Equal(json, Baseline.FromFindings(moved).ToJson());
        Assert.DoesNotContain("line", json, StringComparison.OrdinalIgnoreCase);
        var lines = json.Split('\n').Where(l => l.Contains("\"path\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("    { \"path\": \"a.env\", \"rule\": \"DL1001\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("    { \"path\": \"b.json\"", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_marks_matching_findings_only()
    {
        var kept = Make("DL1001", "a.env", "AKIA1", 1);
        var fresh = Make("DL1001", "a.env", "AKIA-NEW", 2);
        var inline = Make("DL1005", "a.env", "pw", 3).With(suppression: SuppressionKind.InlineComment, justification: "fixture");
        var baseline = Baseline.FromFindings([kept, inline]);
        var applied = baseline.Apply([kept, fresh, inline]);
        Assert.Equal(SuppressionKind.Baseline, applied[0].Suppression);
        Assert.Equal(SuppressionKind.None, applied[1].Suppression);
        Assert.Equal(SuppressionKind.InlineComment, applied[2].Suppression);
        Assert.Single(baseline.Entries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"version\": 1, \"findings\": [ {\"rule\": \"DL1001\"} ]}")]
    [InlineData("{\"version\": 1, \"findings\": [")]
    [InlineData("[1, 2]")]
    [InlineData("{\"version\": 99, \"findings\": []}")]
    public void Corrupt_file_gives_a_problem_and_an_empty_baseline(string text)
    {
        var baseline = Baseline.Parse(".devopslens/baseline.json", text, out var problem);
        Assert.NotNull(problem);
        Assert.Empty(baseline.Entries);
        Assert.Contains("devopslens baseline", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_applies_the_baseline_and_reports_a_corrupt_one_as_DL9002()
    {
        using var dir = new TempDir();
        dir.Write("a.env", "KEY=FAKESECRET\n");
        var first = await Workspaces.Create(dir.Path).ScanAsync(new ScanRequest(), null, CancellationToken.None);
        dir.Write(".devopslens/baseline.json", Baseline.FromFindings(first.Findings).ToJson());
        dir.Write("b.env", "KEY=FAKESECRET\n");

        var second = await Workspaces.Create(dir.Path).ScanAsync(new ScanRequest(), null, CancellationToken.None);
        Assert.Equal(SuppressionKind.Baseline, second.Findings.Single(f => f.Path == "a.env").Suppression);
        Assert.Equal(SuppressionKind.None, second.Findings.Single(f => f.Path == "b.env").Suppression);

        var ignored = await Workspaces.Create(dir.Path).ScanAsync(new ScanRequest { UseBaseline = false }, null, CancellationToken.None);
        Assert.All(ignored.Findings, f => Assert.False(f.IsSuppressed));

        dir.Write(".devopslens/baseline.json", "{ broken");
        var third = await Workspaces.Create(dir.Path).ScanAsync(new ScanRequest(), null, CancellationToken.None);
        Assert.Contains(third.Findings, f => f.RuleId == "DL9002" && f.Path == ".devopslens/baseline.json");
        Assert.Equal(2, third.Findings.Count(f => f.RuleId == "DL1001" && !f.IsSuppressed));
    }
}
