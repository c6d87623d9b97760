using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevOpsLens.Server.Protocol;

/// <summary>A zero-based position; <see cref="Character"/> counts UTF-16 code units (the only encoding this server offers).</summary>
internal sealed record Position
{
    [JsonPropertyName("line")]
    public required int Line { get; init; }

    [JsonPropertyName("character")]
    public required int Character { get; init; }
}

internal sealed record LspRange
{
    [JsonPropertyName("start")]
    public required Position Start { get; init; }

    [JsonPropertyName("end")]
    public required Position End { get; init; }
}

internal sealed record TextDocumentIdentifier
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }
}

internal sealed record VersionedTextDocumentIdentifier
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("version")]
    public int Version { get; init; }
}

internal sealed record TextDocumentItem
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("languageId")]
    public string LanguageId { get; init; } = string.Empty;

    [JsonPropertyName("version")]
    public int Version { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }
}

internal sealed record LspTextEdit
{
    [JsonPropertyName("range")]
    public required LspRange Range { get; init; }

    [JsonPropertyName("newText")]
    public required string NewText { get; init; }
}

internal sealed record WorkspaceEdit
{
    [JsonPropertyName("changes")]
    public IReadOnlyDictionary<string, IReadOnlyList<LspTextEdit>>? Changes { get; init; }
}

internal sealed record LspCommand
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("command")]
    public required string Command { get; init; }

    [JsonPropertyName("arguments")]
    public IReadOnlyList<JsonElement>? Arguments { get; init; }
}

internal sealed record MarkupContent
{
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "markdown";

    [JsonPropertyName("value")]
    public required string Value { get; init; }
}

/// <summary>The unit result of notifications and of requests whose result is <c>null</c> (shutdown).</summary>
internal sealed record NoResult
{
    public static NoResult Value { get; } = new();
}

/// <summary>Requests that take no parameters (shutdown) deserialize to this.</summary>
internal sealed record EmptyParams;
