using System.Text;
using System.Text.Json;
using Nerdbank.Streams;

namespace DevOpsLens.Server.Transport;

/// <summary>
/// Sits between the editor's streams and StreamJsonRpc. StreamJsonRpc drops the connection on a message it cannot
/// parse; the gate answers such messages itself with a JSON-RPC error (-32700 parse error, -32600 invalid request)
/// and forwards only well-formed ones, so one bad message never ends the session. It also owns all writes to the
/// editor, one whole frame at a time, so its own error replies never interleave with StreamJsonRpc's output.
/// </summary>
internal sealed class MessageGate : IAsyncDisposable
{
    private readonly Stream _clientInput;
    private readonly Stream _clientOutput;
    private readonly Action<string> _log;
    private readonly Stream _serverSide;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _inbound;
    private Task? _outbound;

    public MessageGate(Stream clientInput, Stream clientOutput, Action<string> log)
    {
        _clientInput = clientInput;
        _clientOutput = clientOutput;
        _log = log;
        (_serverSide, RpcStream) = FullDuplexStream.CreatePair();
    }

    /// <summary>The stream StreamJsonRpc reads and writes.</summary>
    public Stream RpcStream { get; }

    /// <summary>Completes when the editor closes its output (our stdin): the session is over.</summary>
    public Task InputCompleted => _inbound ?? Task.CompletedTask;

    public void Start()
    {
        _inbound = Task.Run(PumpInboundAsync);
        _outbound = Task.Run(PumpOutboundAsync);
    }

    private async Task PumpInboundAsync()
    {
        var reader = new FrameReader(_clientInput);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var frame = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                if (frame is null)
                {
                    break;
                }

                if (frame.Body is null)
                {
                    _log("dropped a message with " + frame.HeaderProblem);
                    await WriteErrorAsync(null, -32700, "Parse error: " + frame.HeaderProblem).ConfigureAwait(false);
                    continue;
                }

                var verdict = Inspect(frame.Body);
                if (verdict.ErrorCode is int code)
                {
                    _log("rejected a message: " + verdict.Message);
                    if (verdict.RespondTo is not null || code == -32700 || verdict.IsRequestShaped)
                    {
                        await WriteErrorAsync(verdict.RespondTo, code, verdict.Message!).ConfigureAwait(false);
                    }

                    continue;
                }

                await WriteFrameAsync(_serverSide, frame.Body, null).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException ex)
        {
            _log("input closed: " + ex.Message);
        }
        catch (ObjectDisposedException)
        {
            // The session is shutting down and disposed the pipe under this pump: nothing is left to forward.
        }
        finally
        {
            // End of our stdin means the editor is gone: tell StreamJsonRpc, which completes the connection.
            try
            {
                _serverSide.Dispose();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task PumpOutboundAsync()
    {
        var reader = new FrameReader(_serverSide);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var frame = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                if (frame?.Body is null)
                {
                    if (frame is null)
                    {
                        break;
                    }

                    continue;
                }

                await WriteFrameAsync(_clientOutput, frame.Body, _writeLock).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException ex)
        {
            _log("output closed: " + ex.Message);
        }
        catch (ObjectDisposedException)
        {
            // The session is shutting down and disposed the pipe under this pump: nothing is left to forward.
        }
    }

    private Task WriteErrorAsync(JsonElement? id, int code, string message)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            if (id is { } value)
            {
                value.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return WriteFrameAsync(_clientOutput, buffer.WrittenSpan.ToArray(), _writeLock);
    }

    private static async Task WriteFrameAsync(Stream stream, byte[] body, SemaphoreSlim? gate)
    {
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n");
        if (gate is not null)
        {
            await gate.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            await stream.WriteAsync(header).ConfigureAwait(false);
            await stream.WriteAsync(body).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>Decides whether a body is a JSON-RPC 2.0 message StreamJsonRpc can take.</summary>
    internal static Verdict Inspect(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return new Verdict(-32700, "Parse error: " + ex.Message, null, false);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Verdict(-32600, "Invalid request: a message must be a JSON object (batches are not used by LSP).", null, true);
            }

            JsonElement? id = null;
            if (root.TryGetProperty("id", out var idValue))
            {
                if (idValue.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null))
                {
                    return new Verdict(-32600, "Invalid request: id must be a number or a string.", null, true);
                }

                id = idValue.Clone();
            }

            var hasMethod = root.TryGetProperty("method", out var method);
            if (hasMethod)
            {
                if (method.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(method.GetString()))
                {
                    return new Verdict(-32600, "Invalid request: method must be a non-empty string.", id, true);
                }

                if (root.TryGetProperty("params", out var p) && p.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
                {
                    return new Verdict(-32602, "Invalid params: params must be an object or an array.", id, id is not null);
                }

                return Verdict.Ok;
            }

            if (id is not null && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
            {
                return Verdict.Ok;
            }

            return new Verdict(-32600, "Invalid request: neither a request, a notification nor a response.", id, true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            _serverSide.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // The session is shutting down and disposed the pipe under this pump: nothing is left to forward.
        }

        // The inbound pump may sit in a read of the editor's pipe that cannot be cancelled (console streams
        // ignore the token); it ends with the process. The outbound pump has flushed once the pair is closed.
        if (_outbound is not null)
        {
            await Task.WhenAny(_outbound, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        }

    }

    internal sealed record Verdict(int? ErrorCode, string? Message, JsonElement? RespondTo, bool IsRequestShaped)
    {
        public static Verdict Ok { get; } = new(null, null, null, false);
    }
}
