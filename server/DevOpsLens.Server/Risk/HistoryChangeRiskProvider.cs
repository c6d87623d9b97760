using DevOpsLens.History.Risk;

namespace DevOpsLens.Server.Risk;

/// <summary>
/// Change risk from DevOpsLens.History: the repository's trained model, else the default model, else an honest
/// "no model". One estimate at a time: saves in quick succession queue behind the running one.
/// </summary>
public sealed class HistoryChangeRiskProvider : IChangeRiskProvider
{
    private readonly string _root;
    private readonly ChangeRiskService _service = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public HistoryChangeRiskProvider(string root) => _root = root;

    public async Task<ChangeRiskEstimate> EstimateAsync(string? baseRevision, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var request = baseRevision is null ? ChangeRiskRequest.WorkingTree(_root) : ChangeRiskRequest.Range(_root, baseRevision, null);
            var result = await _service.ScoreAsync(request, cancellationToken).ConfigureAwait(false);
            // File paths are relative to the git working directory, which may be above the editor's folder.
            return new ChangeRiskEstimate(
                result.ModelAvailable,
                result.ModelSource == "default",
                result.Outcome == ChangeRiskOutcome.Scored ? result.Score : null,
                result.Message ?? (result.ModelAvailable ? result.ModelDescription + "; " + result.Subject : NoModelChangeRiskProvider.Message),
                result.Factors.Select(f => f.Description).ToArray(),
                result.Files.Select(f => new ChangeRiskFileEstimate(Path.GetFullPath(Path.Combine(result.RepositoryRoot ?? _root, f.Path)), f.Score, f.Factors.Select(x => x.Description).ToArray())).ToArray());
        }
        finally
        {
            _gate.Release();
        }
    }
}
