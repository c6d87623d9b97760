using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;
using DevOpsLens.Server.Risk;

namespace DevOpsLens.Server.Handlers.Risk;

/// <summary>
/// <c>devopslens/changeRisk</c>: the pending change's risk, as a request and as a notification sent after saves.
/// Without a trained model the answer says so (modelAvailable: false) instead of a score.
/// </summary>
internal sealed class ChangeRiskHandler : ILspHandler<ChangeRiskParams, ChangeRiskReport>
{
    public async Task<ChangeRiskReport> HandleAsync(ChangeRiskParams request, RequestContext context, CancellationToken cancellationToken)
    {
        IChangeRiskProvider provider = context.State.Session?.Risk ?? new NoModelChangeRiskProvider();
        return ToReport(await provider.EstimateAsync(request.Base, cancellationToken).ConfigureAwait(false));
    }

    public static async Task NotifyAsync(ServerState state, ServerServices services)
    {
        if (state.Session is null)
        {
            return;
        }

        try
        {
            var estimate = await state.Session.Risk.EstimateAsync(null, CancellationToken.None).ConfigureAwait(false);
            await services.Client.NotifyAsync(Methods.ChangeRisk, ToReport(estimate)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Log.Warn("change risk failed: " + ex.Message);
        }
    }

    public static ChangeRiskReport ToReport(ChangeRiskEstimate estimate)
    {
        var score = estimate.ModelAvailable ? estimate.Score is int s ? Math.Clamp(s, 0, 100) : (int?)null : null;
        return new ChangeRiskReport
        {
            ModelAvailable = estimate.ModelAvailable,
            IsDefaultModel = estimate.IsDefaultModel,
            Score = score,
            Level = score switch
            {
                null => null,
                < 34 => "low",
                < 67 => "medium",
                _ => "high",
            },
            Reason = estimate.Reason,
            Factors = estimate.Factors,
            Files = estimate.Files.Select(f => new ChangeRiskFile { Uri = DocumentUris.FromPath(f.Path), Path = f.Path, Score = Math.Clamp(f.Score, 0, 100), Factors = f.Factors }).ToArray(),
        };
    }
}
