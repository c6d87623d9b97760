using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.TextSync;

/// <summary>
/// Forgets the buffer; the file's diagnostics fall back to what the workspace scan found on disk, and open documents
/// whose cross-file rules read it are analysed again against the disk text.
/// </summary>
internal sealed class DidCloseHandler : ILspHandler<DidCloseTextDocumentParams, NoResult>
{
    public async Task<NoResult> HandleAsync(DidCloseTextDocumentParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var uri = request.TextDocument.Uri;
        var path = DocumentUris.ToPath(uri);
        context.Update(s => s with { Documents = s.Documents.Remove(uri) });
        if (path is not null)
        {
            context.State.Session?.Analysis.RemoveOverlay(path);
        }

        context.Services.Diagnostics.RefreshRepositoryDependents(context.State, uri, path);
        await context.Services.Diagnostics.CloseAsync(context.State, uri).ConfigureAwait(false);
        return NoResult.Value;
    }
}
