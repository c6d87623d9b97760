using System.Text.Json.Serialization;

namespace DevOpsLens.Server.Protocol;

internal sealed record Diagnostic
{
    [JsonPropertyName("range")]
    public required LspRange Range { get; init; }

    /// <summary>1 error, 2 warning, 3 information, 4 hint.</summary>
    [JsonPropertyName("severity")]
    public int Severity { get; init; }

    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("codeDescription")]
    public CodeDescription? CodeDescription { get; init; }

    [JsonPropertyName("source")]
    public string Source { get; init; } = "devopslens";

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>1 unnecessary, 2 deprecated.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<int>? Tags { get; init; }

    [JsonPropertyName("data")]
    public DiagnosticData? Data { get; init; }
}

internal sealed record CodeDescription
{
    [JsonPropertyName("href")]
    public required string Href { get; init; }
}

/// <summary>Round-trips through the client so code actions find the finding again without re-matching ranges.</summary>
internal sealed record DiagnosticData
{
    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    [JsonPropertyName("ruleId")]
    public string? RuleId { get; init; }

    [JsonPropertyName("confidence")]
    public string? Confidence { get; init; }

    [JsonPropertyName("categories")]
    public IReadOnlyList<string>? Categories { get; init; }
}

internal sealed record PublishDiagnosticsParams
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("version")]
    public int? Version { get; init; }

    [JsonPropertyName("diagnostics")]
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
}

internal sealed record DocumentDiagnosticParams
{
    [JsonPropertyName("textDocument")]
    public required TextDocumentIdentifier TextDocument { get; init; }

    [JsonPropertyName("identifier")]
    public string? Identifier { get; init; }

    [JsonPropertyName("previousResultId")]
    public string? PreviousResultId { get; init; }
}

/// <summary>Full ("full", with items) or unchanged ("unchanged", resultId only) report.</summary>
internal sealed record DocumentDiagnosticReport
{
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("resultId")]
    public string? ResultId { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<Diagnostic>? Items { get; init; }
}

internal sealed record WorkspaceDiagnosticParams
{
    [JsonPropertyName("identifier")]
    public string? Identifier { get; init; }

    [JsonPropertyName("previousResultIds")]
    public IReadOnlyList<PreviousResultId>? PreviousResultIds { get; init; }
}

internal sealed record PreviousResultId
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("value")]
    public required string Value { get; init; }
}

internal sealed record WorkspaceDiagnosticReport
{
    [JsonPropertyName("items")]
    public required IReadOnlyList<WorkspaceDocumentDiagnosticReport> Items { get; init; }
}

internal sealed record WorkspaceDocumentDiagnosticReport
{
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    /// <summary>The open document's version, or null for a file read from disk.</summary>
    [JsonPropertyName("version")]
    public int? Version { get; init; }

    [JsonPropertyName("resultId")]
    public string? ResultId { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<Diagnostic>? Items { get; init; }
}
