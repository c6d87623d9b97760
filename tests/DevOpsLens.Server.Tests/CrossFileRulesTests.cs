using System.Text.Json.Nodes;
using DevOpsLens.Engine.Iac;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Tests.Support;
using DevOpsLens.Workspace;
using static DevOpsLens.Tests.Shared.OrdersServiceFixture;

namespace DevOpsLens.Server.Tests;

/// <summary>
/// Cross-file rules in the editor: a manifest's findings depend on other files (DL3050 checks the probe path against
/// the routes Program.cs maps), so editing an open Program.cs refreshes the open manifest.
/// </summary>
public sealed class CrossFileRulesTests
{
    [Fact]
    public async Task Mapping_the_probe_path_in_the_open_Program_cs_clears_DL3050_on_the_open_manifest()
    {
        using var dir = new TempDir();
        dir.Write(ManifestPath, Deployment);
        var programPath = dir.Write(ProgramPath, UnmappedProgram);
        await using var lsp = LspHarness.Start(analysis: IacService);
        await lsp.InitializeAsync(dir.Path);
        var manifest = dir.Uri(ManifestPath);
        var program = dir.Uri(ProgramPath);

        await lsp.OpenAsync(manifest, Deployment, languageId: "yaml");
        var before = await lsp.DiagnosticsAsync(manifest, d => JsonAssert.HasCode(d, "DL3050"));
        var probe = before.EnumerateArray().First(d => d.GetProperty("code").GetString() == "DL3050");
        Assert.Equal(ProbePathLine, probe.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());

        await lsp.OpenAsync(program, UnmappedProgram, languageId: "csharp");
        await lsp.ChangeAsync(program, 2, (0, 0, 4, 0, MappedProgram));
        File.WriteAllText(programPath, MappedProgram);
        await lsp.NotifyAsync("textDocument/didSave", new JsonObject { ["textDocument"] = LspHarness.Doc(program) });

        await lsp.DiagnosticsAsync(manifest, d => !JsonAssert.HasCode(d, "DL3050"));
    }

    [Fact]
    public async Task Unsaved_edit_of_Program_cs_asks_a_pull_client_to_refresh_and_the_manifest_result_changes()
    {
        using var dir = new TempDir();
        dir.Write(ManifestPath, Deployment);
        dir.Write(ProgramPath, MappedProgram);
        await using var lsp = LspHarness.Start(analysis: IacService);
        await lsp.InitializeAsync(dir.Path, LspHarness.Capabilities(pull: true, refresh: true));
        var manifest = dir.Uri(ManifestPath);
        var program = dir.Uri(ProgramPath);

        await lsp.OpenAsync(manifest, Deployment, languageId: "yaml");
        var first = await PullAsync(lsp, manifest, null);
        Assert.False(JsonAssert.HasCode(first.GetProperty("items"), "DL3050"));
        var firstId = first.GetProperty("resultId").GetString();

        await lsp.OpenAsync(program, MappedProgram, languageId: "csharp");
        var refreshes = lsp.Client.RefreshRequests;
        await lsp.ChangeAsync(program, 2, (0, 0, 6, 0, UnmappedProgram));
        await DiagnosticsTests.WaitUntil(() => lsp.Client.RefreshRequests > refreshes);

        var second = await PullAsync(lsp, manifest, firstId);
        Assert.Equal("full", second.GetProperty("kind").GetString());
        Assert.True(JsonAssert.HasCode(second.GetProperty("items"), "DL3050"));

        // Closing the unsaved buffer: the disk (which maps /healthz) is the truth again.
        await lsp.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = LspHarness.Doc(program) });
        var third = await PullAsync(lsp, manifest, second.GetProperty("resultId").GetString());
        Assert.Equal("full", third.GetProperty("kind").GetString());
        Assert.False(JsonAssert.HasCode(third.GetProperty("items"), "DL3050"));
    }

    private static IDocumentAnalysisService IacService(string? root) => WorkspaceAnalysisService.Create(root, new WorkspaceOptions
    {
        Rules = new RuleRegistry(documentRules: IacRules.DocumentRules, repositoryRules: IacRules.RepositoryRules),
        Analyzers = Array.Empty<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(),
    });

    private static Task<System.Text.Json.JsonElement> PullAsync(LspHarness lsp, string uri, string? previousResultId) =>
        lsp.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = LspHarness.Doc(uri), ["previousResultId"] = previousResultId });
}
