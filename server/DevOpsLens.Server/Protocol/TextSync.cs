using System.Text.Json.Serialization;

namespace DevOpsLens.Server.Protocol;

internal sealed record DidOpenTextDocumentParams
{
    [JsonPropertyName("textDocument")]
    public required TextDocumentItem TextDocument { get; init; }
}

internal sealed record DidChangeTextDocumentParams
{
    [JsonPropertyName("textDocument")]
    public required VersionedTextDocumentIdentifier TextDocument { get; init; }

    [JsonPropertyName("contentChanges")]
    public required IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges { get; init; }
}

/// <summary>With a range: an incremental edit; without: the whole new text.</summary>
internal sealed record TextDocumentContentChangeEvent
{
    [JsonPropertyName("range")]
    public LspRange? Range { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }
}

internal sealed record DidSaveTextDocumentParams
{
    [JsonPropertyName("textDocument")]
    public required TextDocumentIdentifier TextDocument { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }
}

internal sealed record DidCloseTextDocumentParams
{
    [JsonPropertyName("textDocument")]
    public required TextDocumentIdentifier TextDocument { get; init; }
}
