using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevOpsLens.Server.Protocol;

internal sealed record CodeActionParams
{
    [JsonPropertyName("textDocument")]
    public required TextDocumentIdentifier TextDocument { get; init; }

    [JsonPropertyName("range")]
    public required LspRange Range { get; init; }

    [JsonPropertyName("context")]
    public required CodeActionContext Context { get; init; }
}

internal sealed record CodeActionContext
{
    [JsonPropertyName("diagnostics")]
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = Array.Empty<Diagnostic>();

    [JsonPropertyName("only")]
    public IReadOnlyList<string>? Only { get; init; }
}

internal sealed record CodeAction
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("diagnostics")]
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    [JsonPropertyName("isPreferred")]
    public bool? IsPreferred { get; init; }

    [JsonPropertyName("edit")]
    public WorkspaceEdit? Edit { get; init; }

    [JsonPropertyName("command")]
    public LspCommand? Command { get; init; }
}

internal sealed record ExecuteCommandParams
{
    [JsonPropertyName("command")]
    public required string Command { get; init; }

    [JsonPropertyName("arguments")]
    public IReadOnlyList<JsonElement>? Arguments { get; init; }
}

internal sealed record HoverParams
{
    [JsonPropertyName("textDocument")]
    public required TextDocumentIdentifier TextDocument { get; init; }

    [JsonPropertyName("position")]
    public required Position Position { get; init; }
}

internal sealed record Hover
{
    [JsonPropertyName("contents")]
    public required MarkupContent Contents { get; init; }

    [JsonPropertyName("range")]
    public LspRange? Range { get; init; }
}

internal sealed record DidChangeConfigurationParams
{
    [JsonPropertyName("settings")]
    public JsonElement? Settings { get; init; }
}

internal sealed record ConfigurationParams
{
    [JsonPropertyName("items")]
    public required IReadOnlyList<ConfigurationItem> Items { get; init; }
}

internal sealed record ConfigurationItem
{
    [JsonPropertyName("scopeUri")]
    public string? ScopeUri { get; init; }

    [JsonPropertyName("section")]
    public string? Section { get; init; }
}

internal sealed record DidChangeWatchedFilesParams
{
    [JsonPropertyName("changes")]
    public required IReadOnlyList<FileEvent> Changes { get; init; }
}

internal sealed record FileEvent
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    /// <summary>1 created, 2 changed, 3 deleted.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; }
}

internal sealed record LogMessageParams
{
    /// <summary>1 error, 2 warning, 3 info, 4 log.</summary>
    [JsonPropertyName("type")]
    public required int Type { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }
}

internal sealed record WorkDoneProgressCreateParams
{
    [JsonPropertyName("token")]
    public required string Token { get; init; }
}

internal sealed record ProgressParams<T>
{
    [JsonPropertyName("token")]
    public required string Token { get; init; }

    [JsonPropertyName("value")]
    public required T Value { get; init; }
}

/// <summary>One shape for begin/report/end; <see cref="Kind"/> says which, unused fields stay null.</summary>
internal sealed record WorkDoneProgress
{
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("percentage")]
    public int? Percentage { get; init; }

    [JsonPropertyName("cancellable")]
    public bool? Cancellable { get; init; }
}

internal sealed record ApplyWorkspaceEditParams
{
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("edit")]
    public required WorkspaceEdit Edit { get; init; }
}
