using DevOpsLens.Engine.Iac;
using static DevOpsLens.Tests.Shared.OrdersServiceFixture;

namespace DevOpsLens.Workspace.Tests;

/// <summary>
/// Single-document analysis (the language server's path) runs the cross-file rules too, over the repository as the
/// editor shows it: unsaved texts overlay the disk, and the findings equal a scan's for that document.
/// </summary>
public sealed class RepositoryRuleDocumentTests
{
    [Fact]
    public async Task Unsaved_overlay_of_another_file_produces_the_cross_file_finding()
    {
        using var dir = new TempDir();
        var manifest = dir.Write(ManifestPath, Deployment);
        var program = dir.Write(ProgramPath, MappedProgram);
        var workspace = Create(dir.Path);

        Assert.DoesNotContain(await workspace.AnalyzeDocumentAsync(manifest, Deployment, CancellationToken.None), f => f.RuleId == "DL3050");

        workspace.SetOverlay(program, UnmappedProgram);
        var finding = Assert.Single(await workspace.AnalyzeDocumentAsync(manifest, Deployment, CancellationToken.None), f => f.RuleId == "DL3050");
        Assert.Equal(ManifestPath, finding.Path);
        Assert.Equal("/healthz", Deployment[finding.Range.Start..finding.Range.End]);

        workspace.RemoveOverlay(program);
        Assert.DoesNotContain(await workspace.AnalyzeDocumentAsync(manifest, Deployment, CancellationToken.None), f => f.RuleId == "DL3050");
    }

    [Fact]
    public async Task Document_findings_equal_the_scan_findings_for_that_document()
    {
        using var dir = new TempDir();
        var manifest = dir.Write(ManifestPath, Deployment);
        dir.Write(ProgramPath, UnmappedProgram);
        var workspace = Create(dir.Path);

        var scan = await workspace.ScanAsync(new ScanRequest(), null, CancellationToken.None);
        var document = await workspace.AnalyzeDocumentAsync(manifest, Deployment, CancellationToken.None);

        var expected = scan.Findings.Where(f => f.Path == ManifestPath).Select(Key).ToList();
        Assert.Contains(expected, k => k.StartsWith("DL3050", StringComparison.Ordinal));
        Assert.Equal(expected, document.Select(Key).ToList());
    }

    [Fact]
    public async Task The_analysed_text_replaces_the_disk_text_of_the_document_itself()
    {
        using var dir = new TempDir();
        var manifest = dir.Write(ManifestPath, Deployment.Replace("/healthz", "/orders", StringComparison.Ordinal));
        dir.Write(ProgramPath, UnmappedProgram);
        var workspace = Create(dir.Path);

        Assert.DoesNotContain(await workspace.AnalyzeDocumentAsync(manifest, File.ReadAllText(manifest), CancellationToken.None), f => f.RuleId == "DL3050");
        Assert.Contains(await workspace.AnalyzeDocumentAsync(manifest, Deployment, CancellationToken.None), f => f.RuleId == "DL3050");
    }

    [Fact]
    public async Task A_file_changed_on_disk_is_read_again()
    {
        using var dir = new TempDir();
        var manifest = dir.Write(ManifestPath, Deployment);
        var program = dir.Write(ProgramPath, MappedProgram);
        var workspace = Create(dir.Path);
        Assert.DoesNotContain(await workspace.AnalyzeDocumentAsync(manifest, Deployment, CancellationToken.None), f => f.RuleId == "DL3050");

        File.WriteAllText(program, UnmappedProgram);
        Assert.Contains(await workspace.AnalyzeDocumentAsync(manifest, Deployment, CancellationToken.None), f => f.RuleId == "DL3050");
    }

    [Fact]
    public async Task Cross_file_findings_are_reported_only_on_the_document_they_belong_to()
    {
        using var dir = new TempDir();
        dir.Write(ManifestPath, Deployment);
        var program = dir.Write(ProgramPath, UnmappedProgram);
        var workspace = Create(dir.Path);

        Assert.True(workspace.IsRelevantToRepositoryRules(program));
        // Read by the cross-file rules, but never carrying their findings: an edit elsewhere need not re-analyse it.
        Assert.False(workspace.CanReceiveRepositoryFindings(program));
        Assert.True(workspace.CanReceiveRepositoryFindings(Path.Combine(dir.Path, ManifestPath)));
        Assert.True(workspace.CanReceiveRepositoryFindings(Path.Combine(dir.Path, "orders", "Dockerfile")));
        Assert.DoesNotContain(await workspace.AnalyzeDocumentAsync(program, UnmappedProgram, CancellationToken.None), f => f.RuleId == "DL3050");
    }

    [Fact]
    public async Task Ignored_files_are_not_read_by_the_cross_file_rules()
    {
        using var dir = new TempDir();
        dir.Write(".gitignore", "orders/\n");
        var manifest = dir.Write(ManifestPath, Deployment);
        dir.Write(ProgramPath, UnmappedProgram);
        dir.Write("api/Program.cs", MappedProgram);
        var workspace = Create(dir.Path);

        var scan = await workspace.ScanAsync(new ScanRequest(), null, CancellationToken.None);
        Assert.DoesNotContain(scan.Findings, f => f.RuleId == "DL3050");
        Assert.DoesNotContain(await workspace.AnalyzeDocumentAsync(manifest, Deployment, CancellationToken.None), f => f.RuleId == "DL3050");
    }

    private static WorkspaceAnalyzer Create(string root) =>
        new(root, new WorkspaceOptions { Rules = new RuleRegistry(IacRules.DocumentRules, IacRules.RepositoryRules), Analyzers = [] });

    private static string Key(Engine.Findings.Finding f) => f.RuleId + " " + f.Path + " " + f.Range.Start + " " + f.Range.End + " " + f.Severity + " " + f.Fingerprint + " " + f.Suppression;
}
