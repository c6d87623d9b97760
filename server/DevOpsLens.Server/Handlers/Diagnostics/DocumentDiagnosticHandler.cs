using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Diagnostics;

/// <summary>Pull diagnostics for one open document; "unchanged" when the client already holds this version's result.</summary>
internal sealed class DocumentDiagnosticHandler : ILspHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>
{
    public async Task<DocumentDiagnosticReport> HandleAsync(DocumentDiagnosticParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (!context.State.Documents.TryGetValue(request.TextDocument.Uri, out var document))
        {
            return new DocumentDiagnosticReport { Kind = "full", Items = Array.Empty<Diagnostic>() };
        }

        var analysis = await context.Services.Diagnostics.GetAsync(context.State, document, cancellationToken).ConfigureAwait(false);
        if (request.PreviousResultId == analysis.ResultId)
        {
            return new DocumentDiagnosticReport { Kind = "unchanged", ResultId = analysis.ResultId };
        }

        return new DocumentDiagnosticReport { Kind = "full", ResultId = analysis.ResultId, Items = analysis.Diagnostics };
    }
}
