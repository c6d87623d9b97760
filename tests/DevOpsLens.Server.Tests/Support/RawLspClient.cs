using System.Text;
using System.Text.Json;
using DevOpsLens.Server.Transport;
using Nerdbank.Streams;

namespace DevOpsLens.Server.Tests.Support;

/// <summary>Writes arbitrary bytes to the server and reads its frames, for malformed-message and cancellation tests.</summary>
internal sealed class RawLspClient : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly FrameReader _reader;

    private RawLspClient(Stream stream, Task<int> server)
    {
        _stream = stream;
        _reader = new FrameReader(stream);
        Server = server;
    }

    public Task<int> Server { get; }

    public static RawLspClient Start(Func<string?, Analysis.IDocumentAnalysisService>? analysis = null)
    {
        var (serverSide, clientSide) = FullDuplexStream.CreatePair();
        var options = new LanguageServerOptions
        {
            AnalysisFactory = analysis ?? LspHarness.FakeRulesService,
            OtherDebounce = TimeSpan.Zero,
            CSharpDebounce = TimeSpan.Zero,
        };
        var server = Task.Run(() => LanguageServer.RunAsync(serverSide, serverSide, options, CancellationToken.None));
        return new RawLspClient(clientSide, server);
    }

    public Task SendAsync(string json) => SendBytesAsync(Encoding.UTF8.GetBytes(json));

    public async Task SendBytesAsync(byte[] body, string? header = null)
    {
        var head = Encoding.ASCII.GetBytes(header ?? ("Content-Length: " + body.Length + "\r\n\r\n"));
        await _stream.WriteAsync(head);
        await _stream.WriteAsync(body);
        await _stream.FlushAsync();
    }

    public async Task SendRawAsync(string text)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await _stream.FlushAsync();
    }

    /// <summary>Reads messages until one with the given id (skipping notifications and server requests).</summary>
    public async Task<JsonElement> ResponseAsync(JsonElement? id)
    {
        using var timeout = new CancellationTokenSource(LspHarness.Patience);
        while (true)
        {
            var frame = await _reader.ReadAsync(timeout.Token) ?? throw new EndOfStreamException("server closed the stream");
            using var doc = JsonDocument.Parse(frame.Body!);
            var root = doc.RootElement;
            if (root.TryGetProperty("method", out _))
            {
                continue;
            }

            if (root.TryGetProperty("id", out var got) && got.ToString() == (id?.ToString() ?? string.Empty) && got.ValueKind == (id?.ValueKind ?? JsonValueKind.Null))
            {
                return root.Clone();
            }
        }
    }

    public Task<JsonElement> ResponseAsync(int id) => ResponseAsync(JsonDocument.Parse(id.ToString(System.Globalization.CultureInfo.InvariantCulture)).RootElement.Clone());

    public Task<JsonElement> NullIdResponseAsync() => ResponseAsync((JsonElement?)null);

    public async Task InitializeAsync(string? root)
    {
        var rootUri = root is null ? "null" : "\"" + new Uri(root).AbsoluteUri + "\"";
        await SendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":" + rootUri + ",\"capabilities\":{}}}");
        await ResponseAsync(1);
        await SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        return ValueTask.CompletedTask;
    }
}
