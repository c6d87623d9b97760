using System.Text.Json;
using System.Text.Json.Nodes;
using DevOpsLens.Engine.Catalog;
using DevOpsLens.Server.Risk;
using DevOpsLens.Server.Tests.Support;

namespace DevOpsLens.Server.Tests;

public sealed class HoverAndConfigurationTests
{
    // devopslens-ignore DL1001: fake key the tests plant
    private const string Key = "AKIAABCDEFGHIJKLMNOP";

    [Fact]
    public async Task Hover_on_a_finding_explains_the_rule_and_links_to_the_fix()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("ci.yml");
        await lsp.OpenAsync(uri, "name: ci\nkey: " + Key + "\n");
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);

        var hover = await lsp.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = LspHarness.Doc(uri), ["position"] = new JsonObject { ["line"] = 1, ["character"] = 10 } });
        var markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Equal("markdown", hover.GetProperty("contents").GetProperty("kind").GetString());
        Assert.Contains(RuleCatalog.KnownCredential.Title, markdown, StringComparison.Ordinal);
        Assert.Contains(RuleCatalog.KnownCredential.Description, markdown, StringComparison.Ordinal);
        Assert.Contains(RuleCatalog.KnownCredential.HelpUri, markdown, StringComparison.Ordinal);
        Assert.Equal(5, hover.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());

        var nothing = await lsp.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = LspHarness.Doc(uri), ["position"] = new JsonObject { ["line"] = 0, ["character"] = 1 } });
        Assert.Equal(JsonValueKind.Null, nothing.ValueKind);
    }

    [Fact]
    public async Task Settings_pulled_with_workspace_configuration_filter_by_minimum_severity()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path, LspHarness.Capabilities(configuration: true));
        var uri = dir.Uri("db.env");
        await lsp.OpenAsync(uri, "DB=password=hunter22xyz\nKEY=" + Key + "\n");
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 2);

        lsp.Client.Settings = new JsonObject { ["minimumSeverity"] = "error" };
        await lsp.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
        var only = await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);
        Assert.Equal("DL1001", only[0].GetProperty("code").GetString());
        Assert.True(lsp.Client.ConfigurationRequests >= 2);
    }

    [Fact]
    public async Task Settings_pushed_in_didChangeConfiguration_apply_for_clients_without_workspace_configuration()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("a.env");
        await lsp.OpenAsync(uri, "KEY=" + Key + "\n");
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);

        await lsp.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["devopslens"] = new JsonObject { ["enable"] = false } } });
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 0);
        await lsp.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["devopslens"] = new JsonObject { ["enable"] = true } } });
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);
    }

    [Fact]
    public async Task Editorconfig_change_reported_by_the_watcher_re_evaluates_open_documents()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path, LspHarness.Capabilities(watchedFiles: true));
        var uri = dir.Uri("svc/values.yaml");
        await lsp.OpenAsync(uri, "key: " + Key + "\n");
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 1);

        dir.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.DL1001.severity = none\n");
        await lsp.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = dir.Uri(".editorconfig"), ["type"] = 1 }) });
        await lsp.DiagnosticsAsync(uri, d => d.GetArrayLength() == 0);

        await DiagnosticsTests.WaitUntil(() => !lsp.Client.Registrations.IsEmpty);
        var watchers = lsp.Client.Registrations.First().GetProperty("registrations")[0].GetProperty("registerOptions").GetProperty("watchers");
        Assert.Contains("**/.editorconfig", watchers.EnumerateArray().Select(w => w.GetProperty("globPattern").GetString()));
    }

    [Fact]
    public async Task Baseline_change_on_disk_re_evaluates_open_documents()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var uri = dir.Uri("x.env");
        await lsp.OpenAsync(uri, "KEY=" + Key + "\n");
        var d = await lsp.DiagnosticsAsync(uri, x => x.GetArrayLength() == 1);
        var fp = d[0].GetProperty("data").GetProperty("fingerprint").GetString();

        dir.Write(".devopslens/baseline.json", "{\n  \"version\": 1,\n  \"findings\": [\n    { \"path\": \"x.env\", \"rule\": \"DL1001\", \"fingerprint\": \"" + fp + "\" }\n  ]\n}\n");
        await lsp.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = dir.Uri(".devopslens/baseline.json"), ["type"] = 2 }) });
        await lsp.DiagnosticsAsync(uri, x => x.GetArrayLength() == 0);
    }

    [Fact]
    public async Task Change_risk_says_plainly_when_no_model_is_available()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var risk = await lsp.RequestAsync("devopslens/changeRisk", new JsonObject());
        Assert.False(risk.GetProperty("modelAvailable").GetBoolean());
        Assert.False(risk.TryGetProperty("score", out _));
        Assert.Contains("model", risk.GetProperty("reason").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Change_risk_from_a_model_is_a_request_and_a_notification_after_save()
    {
        using var dir = new TempDir();
        var estimate = new ChangeRiskEstimate(true, true, 72, "default model", new[] { "touches a Kubernetes manifest" }, new[] { new ChangeRiskFileEstimate(Path.Combine(dir.Path, "k8s/app.yaml"), 80, new[] { "deployment file" }) });
        await using var lsp = LspHarness.Start(risk: _ => new FixedRisk(estimate));
        await lsp.InitializeAsync(dir.Path);

        var risk = await lsp.RequestAsync("devopslens/changeRisk", new JsonObject());
        Assert.True(risk.GetProperty("modelAvailable").GetBoolean());
        Assert.True(risk.GetProperty("isDefaultModel").GetBoolean());
        Assert.Equal(72, risk.GetProperty("score").GetInt32());
        Assert.Equal("high", risk.GetProperty("level").GetString());
        Assert.Equal(dir.Uri("k8s/app.yaml"), risk.GetProperty("files")[0].GetProperty("uri").GetString());

        var uri = dir.Uri("k8s/app.yaml");
        await lsp.OpenAsync(uri, "kind: Deployment\n");
        await lsp.NotifyAsync("textDocument/didSave", new JsonObject { ["textDocument"] = LspHarness.Doc(uri) });
        await DiagnosticsTests.WaitUntil(() => !lsp.Client.ChangeRisk.IsEmpty);
        Assert.Equal(72, lsp.Client.ChangeRisk.First().GetProperty("score").GetInt32());
    }

    private sealed class FixedRisk : IChangeRiskProvider
    {
        private readonly ChangeRiskEstimate _estimate;

        public FixedRisk(ChangeRiskEstimate estimate) => _estimate = estimate;

        public Task<ChangeRiskEstimate> EstimateAsync(string? baseRevision, CancellationToken cancellationToken) => Task.FromResult(_estimate);
    }
}
