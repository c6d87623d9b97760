using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevOpsLens.Server.Protocol;

internal sealed record InitializeParams
{
    [JsonPropertyName("processId")]
    public int? ProcessId { get; init; }

    [JsonPropertyName("rootUri")]
    public string? RootUri { get; init; }

    [JsonPropertyName("rootPath")]
    public string? RootPath { get; init; }

    [JsonPropertyName("workspaceFolders")]
    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }

    /// <summary>Kept as raw JSON: the server reads only the handful of flags it negotiates (see ClientFeatures).</summary>
    [JsonPropertyName("capabilities")]
    public JsonElement Capabilities { get; init; }

    [JsonPropertyName("initializationOptions")]
    public JsonElement? InitializationOptions { get; init; }

    [JsonPropertyName("clientInfo")]
    public ClientInfo? ClientInfo { get; init; }
}

internal sealed record ClientInfo
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("version")]
    public string? Version { get; init; }
}

internal sealed record WorkspaceFolder
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;
}

internal sealed record InitializeResult
{
    [JsonPropertyName("capabilities")]
    public required ServerCapabilities Capabilities { get; init; }

    [JsonPropertyName("serverInfo")]
    public required ServerInfo ServerInfo { get; init; }
}

internal sealed record ServerInfo
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("version")]
    public required string Version { get; init; }
}

internal sealed record ServerCapabilities
{
    [JsonPropertyName("positionEncoding")]
    public string PositionEncoding { get; init; } = "utf-16";

    [JsonPropertyName("textDocumentSync")]
    public required TextDocumentSyncOptions TextDocumentSync { get; init; }

    [JsonPropertyName("hoverProvider")]
    public bool HoverProvider { get; init; }

    [JsonPropertyName("codeActionProvider")]
    public CodeActionOptions? CodeActionProvider { get; init; }

    [JsonPropertyName("executeCommandProvider")]
    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }

    /// <summary>Present only when the client pulls diagnostics; otherwise the server pushes them.</summary>
    [JsonPropertyName("diagnosticProvider")]
    public DiagnosticOptions? DiagnosticProvider { get; init; }

    [JsonPropertyName("workspace")]
    public WorkspaceServerCapabilities? Workspace { get; init; }
}

internal sealed record TextDocumentSyncOptions
{
    [JsonPropertyName("openClose")]
    public bool OpenClose { get; init; } = true;

    /// <summary>2 = incremental.</summary>
    [JsonPropertyName("change")]
    public int Change { get; init; } = 2;

    [JsonPropertyName("save")]
    public SaveOptions Save { get; init; } = new();
}

internal sealed record SaveOptions
{
    [JsonPropertyName("includeText")]
    public bool IncludeText { get; init; }
}

internal sealed record CodeActionOptions
{
    [JsonPropertyName("codeActionKinds")]
    public required IReadOnlyList<string> CodeActionKinds { get; init; }

    [JsonPropertyName("resolveProvider")]
    public bool ResolveProvider { get; init; }
}

internal sealed record ExecuteCommandOptions
{
    [JsonPropertyName("commands")]
    public required IReadOnlyList<string> Commands { get; init; }
}

internal sealed record DiagnosticOptions
{
    [JsonPropertyName("identifier")]
    public string Identifier { get; init; } = "devopslens";

    [JsonPropertyName("interFileDependencies")]
    public bool InterFileDependencies { get; init; }

    [JsonPropertyName("workspaceDiagnostics")]
    public bool WorkspaceDiagnostics { get; init; } = true;
}

internal sealed record WorkspaceServerCapabilities
{
    [JsonPropertyName("workspaceFolders")]
    public WorkspaceFoldersServerCapabilities? WorkspaceFolders { get; init; }
}

internal sealed record WorkspaceFoldersServerCapabilities
{
    [JsonPropertyName("supported")]
    public bool Supported { get; init; }
}

internal sealed record RegistrationParams
{
    [JsonPropertyName("registrations")]
    public required IReadOnlyList<Registration> Registrations { get; init; }
}

internal sealed record Registration
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("method")]
    public required string Method { get; init; }

    [JsonPropertyName("registerOptions")]
    public object? RegisterOptions { get; init; }
}

internal sealed record DidChangeWatchedFilesRegistrationOptions
{
    [JsonPropertyName("watchers")]
    public required IReadOnlyList<FileSystemWatcher> Watchers { get; init; }
}

internal sealed record FileSystemWatcher
{
    [JsonPropertyName("globPattern")]
    public required string GlobPattern { get; init; }
}
