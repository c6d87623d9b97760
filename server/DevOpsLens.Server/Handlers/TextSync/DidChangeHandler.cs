using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.TextSync;

/// <summary>Applies incremental (or full) changes in order; positions are UTF-16 code units.</summary>
internal sealed class DidChangeHandler : ILspHandler<DidChangeTextDocumentParams, NoResult>
{
    public Task<NoResult> HandleAsync(DidChangeTextDocumentParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var uri = request.TextDocument.Uri;
        if (!context.State.Documents.TryGetValue(uri, out var current))
        {
            context.Services.Log.Warn("didChange for a document that is not open: " + uri);
            return Task.FromResult(NoResult.Value);
        }

        var updated = current with
        {
            Text = DocumentText.Apply(current.Text, request.ContentChanges),
            Version = request.TextDocument.Version,
        };
        context.Update(s => s with { Documents = s.Documents.SetItem(uri, updated) });
        context.Services.Diagnostics.Schedule(context.State, updated);
        return Task.FromResult(NoResult.Value);
    }
}
