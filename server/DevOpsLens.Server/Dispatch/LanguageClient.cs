using DevOpsLens.Server.Protocol;
using StreamJsonRpc;

namespace DevOpsLens.Server.Dispatch;

/// <summary>Messages from the server to the editor. A lost connection is not an error here: the session is ending anyway.</summary>
internal sealed class LanguageClient
{
    private readonly JsonRpc _rpc;
    private readonly TextWriter _stderr;

    public LanguageClient(JsonRpc rpc, TextWriter stderr)
    {
        _rpc = rpc;
        _stderr = stderr;
    }

    public async Task NotifyAsync<T>(string method, T parameters)
    {
        try
        {
            await _rpc.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or IOException)
        {
            _stderr.WriteLine("devopslens lsp: could not send " + method + ": " + ex.Message);
        }
    }

    public Task<TResult> RequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken) =>
        _rpc.InvokeWithParameterObjectAsync<TResult>(method, parameters, cancellationToken);

    public Task PublishDiagnosticsAsync(PublishDiagnosticsParams parameters) => NotifyAsync(Methods.PublishDiagnostics, parameters);
}

/// <summary>Logs to stderr (never stdout: it carries the protocol) and mirrors to window/logMessage.</summary>
internal sealed class ServerLog
{
    private readonly TextWriter _stderr;
    private LanguageClient? _client;

    public ServerLog(TextWriter stderr) => _stderr = stderr;

    public void Attach(LanguageClient client) => _client = client;

    public void Info(string message) => Write(3, "info", message);

    public void Warn(string message) => Write(2, "warning", message);

    public void Error(string message) => Write(1, "error", message);

    private void Write(int type, string level, string message)
    {
        lock (_stderr)
        {
            _stderr.WriteLine("devopslens lsp " + level + ": " + message);
            _stderr.Flush();
        }

        _ = _client?.NotifyAsync(Methods.LogMessage, new LogMessageParams { Type = type, Message = message });
    }
}
