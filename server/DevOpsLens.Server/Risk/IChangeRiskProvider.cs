namespace DevOpsLens.Server.Risk;

/// <summary>The change-risk source behind <c>devopslens/changeRisk</c>. Implemented over DevOpsLens.History when a model exists.</summary>
public interface IChangeRiskProvider
{
    Task<ChangeRiskEstimate> EstimateAsync(string? baseRevision, CancellationToken cancellationToken);
}

/// <summary>Host-neutral result; the server maps it to the protocol shape.</summary>
public sealed record ChangeRiskEstimate(
    bool ModelAvailable,
    bool IsDefaultModel,
    int? Score,
    string? Reason,
    IReadOnlyList<string> Factors,
    IReadOnlyList<ChangeRiskFileEstimate> Files);

/// <summary>Per-file risk; <see cref="Path"/> is absolute.</summary>
public sealed record ChangeRiskFileEstimate(string Path, int Score, IReadOnlyList<string> Factors);

/// <summary>Used until a risk model is wired in: says so plainly instead of inventing a score.</summary>
public sealed class NoModelChangeRiskProvider : IChangeRiskProvider
{
    public const string Message = "No change-risk model is available. Train one with `devopslens risk train` in this repository.";

    public Task<ChangeRiskEstimate> EstimateAsync(string? baseRevision, CancellationToken cancellationToken) =>
        Task.FromResult(new ChangeRiskEstimate(false, false, null, Message, Array.Empty<string>(), Array.Empty<ChangeRiskFileEstimate>()));
}
