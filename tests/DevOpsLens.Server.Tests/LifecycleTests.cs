using System.Diagnostics;
using System.Text.Json;
using DevOpsLens.Server.Tests.Support;

namespace DevOpsLens.Server.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Initialize_negotiates_push_diagnostics_utf16_and_incremental_sync()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        var result = await lsp.InitializeAsync(dir.Path);

        var caps = result.GetProperty("capabilities");
        Assert.Equal("utf-16", caps.GetProperty("positionEncoding").GetString());
        Assert.Equal(2, caps.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.True(caps.GetProperty("hoverProvider").GetBoolean());
        Assert.False(caps.TryGetProperty("diagnosticProvider", out _));
        Assert.Contains("devopslens.addToBaseline", caps.GetProperty("executeCommandProvider").GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("devopslens", result.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.Equal(0, await lsp.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Initialize_offers_pull_diagnostics_when_the_client_supports_them()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        var result = await lsp.InitializeAsync(dir.Path, LspHarness.Capabilities(pull: true));
        var provider = result.GetProperty("capabilities").GetProperty("diagnosticProvider");
        Assert.True(provider.GetProperty("workspaceDiagnostics").GetBoolean());
        Assert.False(provider.GetProperty("interFileDependencies").GetBoolean());
    }

    [Fact]
    public async Task Requests_before_initialize_get_ServerNotInitialized()
    {
        await using var lsp = LspHarness.Start();
        Assert.Equal(-32002, await JsonAssert.ErrorCodeAsync(() => lsp.RequestAsync("textDocument/hover", new System.Text.Json.Nodes.JsonObject())));
    }

    [Fact]
    public async Task Requests_after_shutdown_are_refused_and_exit_returns_zero()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        var shutdown = await lsp.RequestAsync("shutdown", null);
        Assert.Equal(JsonValueKind.Null, shutdown.ValueKind);

        Assert.Equal(-32600, await JsonAssert.ErrorCodeAsync(() => lsp.RequestAsync("devopslens/changeRisk", new System.Text.Json.Nodes.JsonObject())));

        await lsp.NotifyAsync("exit", null);
        Assert.Equal(0, await lsp.Server.WaitAsync(LspHarness.Patience));
    }

    [Fact]
    public async Task Exit_without_shutdown_returns_one()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        await lsp.NotifyAsync("exit", null);
        Assert.Equal(1, await lsp.Server.WaitAsync(LspHarness.Patience));
    }

    [Fact]
    public async Task Second_initialize_is_an_invalid_request()
    {
        using var dir = new TempDir();
        await using var lsp = LspHarness.Start();
        await lsp.InitializeAsync(dir.Path);
        Assert.Equal(-32600, await JsonAssert.ErrorCodeAsync(() => lsp.InitializeAsync(dir.Path)));
    }

    [Fact]
    public async Task Server_exits_when_the_client_process_dies()
    {
        using var dir = new TempDir();
        using var parent = Process.Start(new ProcessStartInfo("sleep", "1") { UseShellExecute = false })!;
        await using var lsp = LspHarness.Start(parentPoll: TimeSpan.FromMilliseconds(100));
        await lsp.InitializeAsync(dir.Path, processId: parent.Id);
        await parent.WaitForExitAsync();
        Assert.Equal(1, await lsp.Server.WaitAsync(LspHarness.Patience));
    }

    [Fact]
    public async Task Server_ends_when_its_input_closes()
    {
        await using var raw = RawLspClient.Start();
        await raw.InitializeAsync(null);
        await raw.DisposeAsync();
        Assert.Equal(1, await raw.Server.WaitAsync(LspHarness.Patience));
    }
}
