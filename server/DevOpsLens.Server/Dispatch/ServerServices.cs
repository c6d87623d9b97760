using DevOpsLens.Server.Analysis;

namespace DevOpsLens.Server.Dispatch;

/// <summary>The connection's long-lived, thread-safe collaborators. Handlers get them through <see cref="RequestContext"/>.</summary>
internal sealed class ServerServices
{
    public ServerServices(LanguageServerOptions options, LanguageClient client, ServerLog log, Action<int> requestExit)
    {
        Options = options;
        Client = client;
        Log = log;
        RequestExit = requestExit;
        Diagnostics = new DiagnosticsHub(this);
    }

    public LanguageServerOptions Options { get; }

    public LanguageClient Client { get; }

    public ServerLog Log { get; }

    public DiagnosticsHub Diagnostics { get; }

    /// <summary>Ends the session with the given exit code (the exit notification, or the client process dying).</summary>
    public Action<int> RequestExit { get; }

    /// <summary>Set once the queue exists; background work uses it to read the latest state and to enqueue follow-ups.</summary>
    public RequestQueue Queue { get; set; } = null!;
}
