namespace DevOpsLens.Server.Dispatch;

/// <summary>Method names, in one place.</summary>
internal static class Methods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidSave = "textDocument/didSave";
    public const string DidClose = "textDocument/didClose";
    public const string DocumentDiagnostic = "textDocument/diagnostic";
    public const string WorkspaceDiagnostic = "workspace/diagnostic";
    public const string CodeAction = "textDocument/codeAction";
    public const string Hover = "textDocument/hover";
    public const string ExecuteCommand = "workspace/executeCommand";
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string DidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string ChangeRisk = "devopslens/changeRisk";

    // Server to client.
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string LogMessage = "window/logMessage";
    public const string Progress = "$/progress";
    public const string WorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string Configuration = "workspace/configuration";
    public const string RegisterCapability = "client/registerCapability";
    public const string DiagnosticRefresh = "workspace/diagnostic/refresh";

    /// <summary>Not on the wire: work the server enqueues for itself (settings fetched after initialized).</summary>
    public const string Internal = "devopslens/$internal";

    /// <summary>Commands for workspace/executeCommand.</summary>
    public const string AddToBaselineCommand = "devopslens.addToBaseline";
    public const string RescanCommand = "devopslens.rescanWorkspace";
}
