using DevOpsLens.Engine.Documents;
using DevOpsLens.Server.Analysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using DevOpsLens.Server.Tests.Support;

namespace DevOpsLens.Server.Tests;

public sealed class DiagnosticsTests
{
    // devopslens-ignore DL1001: fake key the tests plant
    private const string Key = "AKIAABCDEFGHIJKLMNOP";

    [Fact]
    public async Task Pull_client_gets_full_then_unchanged_then_full_after_an_edit()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path, LspHarness.Capabilities(pull: true));
        var uri = dir.Uri("app.env");
        await lsp.OpenAsync(uri, "KEY=" + Key + "\n");

        var first = await lsp.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = LspHarness.Doc(uri) });
        Assert.Equal("full", first.GetProperty("kind").GetString());
        Assert.Equal("DL1001", first.GetProperty("items")[0].GetProperty("code").GetString());
        var resultId = first.GetProperty("resultId").GetString();

        var again = await lsp.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = LspHarness.Doc(uri), ["previousResultId"] = resultId });
        Assert.Equal("unchanged", again.GetProperty("kind").GetString());

        await lsp.ChangeAsync(uri, 2, (0, 4, 0, 24, "placeholder"));
        var after = await lsp.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = LspHarness.Doc(uri), ["previousResultId"] = resultId });
        Assert.Equal("full", after.GetProperty("kind").GetString());
        Assert.Equal(0, after.GetProperty("items").GetArrayLength());

        // A pull client never receives pushed diagnostics for open documents.
        Assert.DoesNotContain(lsp.Client.Published, p => p.GetProperty("uri").GetString() == uri);
    }

    [Fact]
    public async Task Workspace_pull_reports_closed_files_found_by_the_startup_scan()
    {
        using var dir = new TempDir();
        dir.Write("config/prod.env", "AWS_KEY=" + Key + "\n");
        dir.Write("config/clean.env", "NAME=value\n");
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path, LspHarness.Capabilities(pull: true, refresh: true));

        var report = await lsp.RequestAsync("workspace/diagnostic", new JsonObject { ["previousResultIds"] = new JsonArray() });
        var item = Assert.Single(report.GetProperty("items").EnumerateArray());
        Assert.Equal(dir.Uri("config/prod.env"), item.GetProperty("uri").GetString());
        Assert.Equal("DL1001", item.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Workspace_pull_waits_while_nothing_changed_and_honours_cancellation()
    {
        using var dir = new TempDir();
        dir.Write("prod.env", "AWS_KEY=" + Key + "\n");
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path, LspHarness.Capabilities(pull: true));
        var first = await lsp.RequestAsync("workspace/diagnostic", new JsonObject());
        var item = first.GetProperty("items")[0];
        var previous = new JsonArray(new JsonObject { ["uri"] = item.GetProperty("uri").GetString(), ["value"] = item.GetProperty("resultId").GetString() });

        using var cancel = new CancellationTokenSource();
        var pending = lsp.RequestAsync("workspace/diagnostic", new JsonObject { ["previousResultIds"] = previous }, cancel.Token);
        await Task.Delay(200);
        Assert.False(pending.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Push_client_gets_startup_scan_results_for_closed_files_with_progress()
    {
        using var dir = new TempDir();
        dir.Write("k8s/secret.yaml", "data:\n  key: " + Key + "\n");
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path, LspHarness.Capabilities(progress: true));

        var diagnostics = await lsp.DiagnosticsAsync(dir.Uri("k8s/secret.yaml"), d => d.GetArrayLength() == 1);
        Assert.Equal("DL1001", diagnostics[0].GetProperty("code").GetString());
        await WaitUntil(() => lsp.Client.Progress.Any(p => p.GetProperty("value").GetProperty("kind").GetString() == "end"));
        var kinds = lsp.Client.Progress.Select(p => p.GetProperty("value").GetProperty("kind").GetString()).ToList();
        Assert.Equal("begin", kinds.First());
        Assert.Equal("end", kinds.Last());
    }

    [Fact]
    public async Task A_throwing_rule_becomes_DL9003_and_the_server_keeps_answering()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("boom.yml");
        await lsp.OpenAsync(uri, "EXPLODE: " + Key + "\n");
        var diagnostics = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 2);
        Assert.Contains("DL9003", JsonAssert.Codes(diagnostics));
        Assert.Contains("DL1001", JsonAssert.Codes(diagnostics));
        var risk = await lsp.RequestAsync("devopslens/changeRisk", new JsonObject());
        Assert.False(risk.GetProperty("modelAvailable").GetBoolean());
    }

    [Fact]
    public async Task A_failing_analysis_service_becomes_DL9003_and_a_log_line()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start(analysis: _ => new FailingService());
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("any.yml");
        await lsp.OpenAsync(uri, "a: b\n");
        var diagnostics = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);
        Assert.Equal("DL9003", diagnostics[0].GetProperty("code").GetString());
        await WaitUntil(() => lsp.Client.Logs.Any(l => l.Contains("analysis of", StringComparison.Ordinal)));
        Assert.Equal(0, await lsp.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task CSharp_files_in_projects_that_reference_the_analyzer_package_are_left_to_the_build()
    {
        using var dir = new TempDir();
        dir.Write("src/WithPackage/WithPackage.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"DevOpsLens.Analyzers\" /></ItemGroup></Project>");
        dir.Write("src/Plain/Plain.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>");
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var code = "class C { const string K = \"" + Key + "\"; }\n";
        var plain = dir.Uri("src/Plain/C.cs");
        var packaged = dir.Uri("src/WithPackage/C.cs");
        await lsp.OpenAsync(packaged, code, languageId: "csharp");
        await lsp.OpenAsync(plain, code, languageId: "csharp");

        await lsp.DiagnosticsAsync(plain, d => JsonAssert.HasCode(d, "DL1001"));
        var skipped = await lsp.DiagnosticsAsync(packaged, _ => true);
        Assert.Equal(0, skipped.GetArrayLength());
    }

    [Fact]
    public async Task Central_GlobalPackageReference_also_counts_as_referencing_the_analyzers()
    {
        using var dir = new TempDir();
        dir.Write("Directory.Packages.props", "<Project><ItemGroup><GlobalPackageReference Include=\"DevOpsLens.Analyzers\" Version=\"0.1.0\" /></ItemGroup></Project>");
        dir.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>");
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var cs = dir.Uri("src/App/C.cs");
        var yaml = dir.Uri("src/App/appsettings.yml");
        await lsp.OpenAsync(cs, "// " + Key + "\n", languageId: "csharp");
        await lsp.OpenAsync(yaml, "k: " + Key + "\n", languageId: "yaml");
        await lsp.DiagnosticsAsync(yaml, d => d.GetArrayLength() == 1);
        Assert.Equal(0, (await lsp.DiagnosticsAsync(cs, _ => true)).GetArrayLength());
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(LspHarness.Patience);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private sealed class FailingService : Analysis.IDocumentAnalysisService
    {
        public Task<IReadOnlyList<Engine.Findings.Finding>> AnalyzeDocumentAsync(string path, string text, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("analysis host crashed");

        public Task<IReadOnlyList<Engine.Findings.Finding>> ScanAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Engine.Findings.Finding>>(Array.Empty<Engine.Findings.Finding>());

        public IReadOnlyList<Engine.Rules.TextFix> GetFixes(string path, string text, Engine.Findings.Finding finding) => Array.Empty<Engine.Rules.TextFix>();

        public void InvalidateConfiguration()
        {
        }

        public Task<string> AddToBaselineAsync(IReadOnlyList<Engine.Findings.Finding> findings, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}

public sealed class DebounceTests
{
    private static readonly LanguageServerOptions Options = new() { AnalysisFactory = _ => throw new InvalidOperationException("not used") };

    [Fact]
    public void The_debounce_is_the_configured_one_until_a_cheaper_analysis_was_seen()
    {
        Assert.Equal(Options.CSharpDebounce, DiagnosticsHub.Debounce(DocumentKind.CSharp, null, Options));
        Assert.Equal(Options.OtherDebounce, DiagnosticsHub.Debounce(DocumentKind.Yaml, null, Options));
        Assert.Equal(TimeSpan.FromMilliseconds(12), DiagnosticsHub.Debounce(DocumentKind.CSharp, TimeSpan.FromMilliseconds(12), Options));
        // Cheaper than a timer tick's overhead: no wait at all.
        Assert.Equal(TimeSpan.Zero, DiagnosticsHub.Debounce(DocumentKind.Yaml, TimeSpan.FromMilliseconds(3), Options));
        Assert.Equal(TimeSpan.Zero, DiagnosticsHub.Debounce(DocumentKind.CSharp, TimeSpan.FromMilliseconds(5), Options));
        // An expensive analysis never makes the user wait longer than the configured debounce.
        Assert.Equal(Options.CSharpDebounce, DiagnosticsHub.Debounce(DocumentKind.CSharp, TimeSpan.FromSeconds(2), Options));
    }
}
