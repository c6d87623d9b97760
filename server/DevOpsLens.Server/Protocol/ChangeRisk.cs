using System.Text.Json.Serialization;

namespace DevOpsLens.Server.Protocol;

/// <summary><c>devopslens/changeRisk</c> request parameters (all optional). Documented in docs/protocol.md.</summary>
internal sealed record ChangeRiskParams
{
    /// <summary>Git revision to compare the working tree against; defaults to HEAD.</summary>
    [JsonPropertyName("base")]
    public string? Base { get; init; }
}

/// <summary>
/// The pending change's risk. When <see cref="ModelAvailable"/> is false, <see cref="Score"/> is null and
/// <see cref="Reason"/> says why; clients show "no model" rather than a made-up number.
/// </summary>
internal sealed record ChangeRiskReport
{
    [JsonPropertyName("modelAvailable")]
    public required bool ModelAvailable { get; init; }

    [JsonPropertyName("isDefaultModel")]
    public bool IsDefaultModel { get; init; }

    [JsonPropertyName("score")]
    public int? Score { get; init; }

    /// <summary>low, medium or high; null without a score.</summary>
    [JsonPropertyName("level")]
    public string? Level { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("factors")]
    public IReadOnlyList<string> Factors { get; init; } = Array.Empty<string>();

    [JsonPropertyName("files")]
    public IReadOnlyList<ChangeRiskFile> Files { get; init; } = Array.Empty<ChangeRiskFile>();
}

internal sealed record ChangeRiskFile
{
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("score")]
    public int Score { get; init; }

    [JsonPropertyName("factors")]
    public IReadOnlyList<string> Factors { get; init; } = Array.Empty<string>();
}
