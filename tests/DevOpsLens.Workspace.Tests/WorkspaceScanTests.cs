using DevOpsLens.Engine.Findings;

namespace DevOpsLens.Workspace.Tests;

public sealed class WorkspaceScanTests
{
    [Fact]
    public async Task Scan_reports_findings_with_repo_relative_sorted_paths()
    {
        using var dir = new TempDir();
        dir.Write("b/z.txt", "x FAKESECRET\n");
        dir.Write("a.txt", "FAKESECRET and FAKESECRET\n");
        var result = await Workspaces.Create(dir.Path).ScanAsync(new ScanRequest(), null, CancellationToken.None);
        Assert.Equal(["a.txt", "a.txt", "b/z.txt"], result.Findings.Select(f => f.Path));
        Assert.All(result.Findings, f => Assert.Equal("DL1001", f.RuleId));
        Assert.Equal(2, result.FilesChecked);
        Assert.Equal(new Engine.Text.LinePosition(0, 2), result.Findings[2].Start);
    }

    [Fact]
    public async Task Failing_rule_becomes_DL9003_and_other_rules_still_report()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "FAKESECRET\n");
        var result = await Workspaces.Create(dir.Path, new ThrowingRule(), new FakeSecretRule()).ScanAsync(new ScanRequest(), null, CancellationToken.None);
        Assert.Contains(result.Findings, f => f.RuleId == "DL9003" && f.Message.Contains("boom", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.RuleId == "DL1001");
    }

    [Fact]
    public async Task Inline_suppression_is_kept_as_suppressed()
    {
        using var dir = new TempDir();
        dir.Write("a.env", "# devopslens-ignore DL1001: test fixture\nKEY=FAKESECRET\n");
        var result = await Workspaces.Create(dir.Path).ScanAsync(new ScanRequest(), null, CancellationToken.None);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(SuppressionKind.InlineComment, finding.Suppression);
        Assert.Equal("test fixture", finding.SuppressionJustification);
    }
}
