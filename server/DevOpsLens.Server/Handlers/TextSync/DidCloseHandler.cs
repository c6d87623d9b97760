using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.TextSync;

/// <summary>Forgets the buffer; the file's diagnostics fall back to what the workspace scan found on disk.</summary>
internal sealed class DidCloseHandler : ILspHandler<DidCloseTextDocumentParams, NoResult>
{
    public async Task<NoResult> HandleAsync(DidCloseTextDocumentParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var uri = request.TextDocument.Uri;
        context.Update(s => s with { Documents = s.Documents.Remove(uri) });
        await context.Services.Diagnostics.CloseAsync(context.State, uri).ConfigureAwait(false);
        return NoResult.Value;
    }
}
