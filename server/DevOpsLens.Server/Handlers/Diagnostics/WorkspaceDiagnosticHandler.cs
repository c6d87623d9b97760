using System.Globalization;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Diagnostics;

/// <summary>
/// Pull diagnostics for files that are not open, from the workspace scan (open files are pulled per document).
/// Long-polls: when the client already has every result, the request stays open until the next scan or until
/// the client cancels it, so a client that re-requests immediately does not spin.
/// </summary>
internal sealed class WorkspaceDiagnosticHandler : ILspHandler<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport>
{
    public async Task<WorkspaceDiagnosticReport> HandleAsync(WorkspaceDiagnosticParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var hub = context.Services.Diagnostics;
        var previous = (request.PreviousResultIds ?? Array.Empty<PreviousResultId>())
            .GroupBy(p => p.Uri, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        while (true)
        {
            var wait = hub.WaitForScanChangeAsync(cancellationToken);
            var report = Build(context.State, hub, previous);
            if (report.Items.Count > 0)
            {
                return report;
            }

            await wait.ConfigureAwait(false);
        }
    }

    private static WorkspaceDiagnosticReport Build(ServerState state, DiagnosticsHub hub, IReadOnlyDictionary<string, string> previous)
    {
        var openPaths = state.Documents.Values.Select(d => d.Path).Where(p => p is not null).ToHashSet(StringComparer.Ordinal);
        var resultId = "scan." + hub.ScanGeneration.ToString(CultureInfo.InvariantCulture);
        var items = new List<WorkspaceDocumentDiagnosticReport>();
        foreach (var (path, findings) in hub.ScanResults.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (openPaths.Contains(path))
            {
                continue;
            }

            var uri = DocumentUris.FromPath(path);
            if (previous.TryGetValue(uri, out var known) && known == resultId)
            {
                continue;
            }

            items.Add(new WorkspaceDocumentDiagnosticReport
            {
                Kind = "full",
                Uri = uri,
                ResultId = resultId,
                Items = findings.Select(DiagnosticMapper.ToDiagnostic).ToArray(),
            });
        }

        return new WorkspaceDiagnosticReport { Items = items };
    }
}
