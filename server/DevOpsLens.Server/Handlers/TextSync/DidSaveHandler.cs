using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Handlers.Risk;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.TextSync;

/// <summary>A save changes the pending change on disk: refresh the change-risk notification; re-analyze if the client sent text.</summary>
internal sealed class DidSaveHandler : ILspHandler<DidSaveTextDocumentParams, NoResult>
{
    public Task<NoResult> HandleAsync(DidSaveTextDocumentParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var uri = request.TextDocument.Uri;
        if (request.Text is not null && context.State.Documents.TryGetValue(uri, out var current) && current.Text != request.Text)
        {
            var updated = current with { Text = request.Text };
            context.Update(s => s with { Documents = s.Documents.SetItem(uri, updated) });
            context.Services.Diagnostics.Schedule(context.State, updated);
        }

        var state = context.State;
        var services = context.Services;
        _ = Task.Run(() => ChangeRiskHandler.NotifyAsync(state, services));
        return Task.FromResult(NoResult.Value);
    }
}
