using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.TextSync;

internal sealed class DidOpenHandler : ILspHandler<DidOpenTextDocumentParams, NoResult>
{
    public Task<NoResult> HandleAsync(DidOpenTextDocumentParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var item = request.TextDocument;
        var document = new DocumentSnapshot(item.Uri, DocumentUris.ToPath(item.Uri), item.LanguageId, item.Version, item.Text);
        context.Update(s => s with { Documents = s.Documents.SetItem(item.Uri, document) });
        context.Services.Diagnostics.Schedule(context.State, document);
        return Task.FromResult(NoResult.Value);
    }
}
