using System.Text;
using System.Text.Json;
using DevOpsLens.Server.Tests.Support;

namespace DevOpsLens.Server.Tests;

/// <summary>Raw JSON-RPC: what a broken or hostile client sends, and the errors it must get back while the server stays up.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task Malformed_json_gets_a_parse_error_and_the_next_request_is_answered()
    {
        using var dir = new TempDir();
        await using var raw = RawLspClient.Start();
        await raw.InitializeAsync(dir.Path);

        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":");
        var error = await raw.NullIdResponseAsync();
        Assert.Equal(-32700, error.GetProperty("error").GetProperty("code").GetInt32());

        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"devopslens/changeRisk\",\"params\":{}}");
        var ok = await raw.ResponseAsync(3);
        Assert.False(ok.GetProperty("result").GetProperty("modelAvailable").GetBoolean());
    }

    [Fact]
    public async Task Invalid_utf8_and_missing_headers_do_not_end_the_session()
    {
        using var dir = new TempDir();
        await using var raw = RawLspClient.Start();
        await raw.InitializeAsync(dir.Path);

        await raw.SendBytesAsync(new byte[] { 0xC3, 0x28, 0xFF, 0xFE });
        Assert.Equal(-32700, (await raw.NullIdResponseAsync()).GetProperty("error").GetProperty("code").GetInt32());

        await raw.SendRawAsync("X-Nonsense: 1\r\n\r\n");
        Assert.Equal(-32700, (await raw.NullIdResponseAsync()).GetProperty("error").GetProperty("code").GetInt32());

        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\"}");
        Assert.Equal(JsonValueKind.Null, (await raw.ResponseAsync(4)).GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task A_message_that_is_neither_request_nor_response_is_an_invalid_request()
    {
        using var dir = new TempDir();
        await using var raw = RawLspClient.Start();
        await raw.InitializeAsync(dir.Path);
        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":5}");
        Assert.Equal(-32600, (await raw.ResponseAsync(5)).GetProperty("error").GetProperty("code").GetInt32());
        await raw.SendAsync("[1,2]");
        Assert.Equal(-32600, (await raw.NullIdResponseAsync()).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Unknown_methods_get_MethodNotFound_and_bad_params_get_InvalidParams()
    {
        using var dir = new TempDir();
        await using var raw = RawLspClient.Start();
        await raw.InitializeAsync(dir.Path);

        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/definition\",\"params\":{}}");
        Assert.Equal(-32601, (await raw.ResponseAsync(6)).GetProperty("error").GetProperty("code").GetInt32());

        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///x\"}}}");
        Assert.Equal(-32602, (await raw.ResponseAsync(7)).GetProperty("error").GetProperty("code").GetInt32());

        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/hover\",\"params\":\"oops\"}");
        Assert.Equal(-32602, (await raw.ResponseAsync(8)).GetProperty("error").GetProperty("code").GetInt32());

        // Unknown notifications are ignored, as LSP requires for $/ methods.
        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"$/setTrace\",\"params\":{\"value\":\"off\"}}");
        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"shutdown\"}");
        Assert.Equal(JsonValueKind.Null, (await raw.ResponseAsync(9)).GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task A_cancelled_request_gets_RequestCancelled()
    {
        using var dir = new TempDir();
        var blocking = new BlockingService();
        await using var raw = RawLspClient.Start(_ => blocking);
        await raw.InitializeAsync(dir.Path);
        var uri = new Uri(Path.Combine(dir.Path, "a.yml")).AbsoluteUri;
        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"yaml\",\"version\":1,\"text\":\"a: b\"}}}");
        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":0,\"character\":0}}}");
        await blocking.Entered.Task.WaitAsync(LspHarness.Patience);
        await raw.SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":10}}");

        var response = await raw.ResponseAsync(10);
        Assert.Equal(-32800, response.GetProperty("error").GetProperty("code").GetInt32());
    }

    private sealed class BlockingService : Analysis.IDocumentAnalysisService
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<Engine.Findings.Finding>> AnalyzeDocumentAsync(string path, string text, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Array.Empty<Engine.Findings.Finding>();
        }

        public Task<IReadOnlyList<Engine.Findings.Finding>> ScanAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Engine.Findings.Finding>>(Array.Empty<Engine.Findings.Finding>());

        public IReadOnlyList<Engine.Rules.TextFix> GetFixes(string path, string text, Engine.Findings.Finding finding) => Array.Empty<Engine.Rules.TextFix>();

        public void InvalidateConfiguration()
        {
        }

        public Task<string> AddToBaselineAsync(IReadOnlyList<Engine.Findings.Finding> findings, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
