using System.Text.Json;
using DevOpsLens.Engine.Findings;
using DevOpsLens.Server.Analysis;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Handlers.Workspace;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.CodeActions;

/// <summary>
/// <c>devopslens.server.addToBaseline</c> (arguments: {uri, fingerprint, ruleId}) writes the finding into
/// .devopslens/baseline.json and re-evaluates; <c>devopslens.server.rescanWorkspace</c> repeats the start-up scan.
/// </summary>
internal sealed class ExecuteCommandHandler : ILspHandler<ExecuteCommandParams, JsonElement?>
{
    public async Task<JsonElement?> HandleAsync(ExecuteCommandParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var session = context.State.Session ?? throw LspErrorCodes.Error(LspErrorCodes.RequestFailed, "No workspace is open.");
        switch (request.Command)
        {
            case Methods.AddToBaselineCommand:
                var argument = ReadArgument(request);
                var finding = await FindAsync(context, argument, cancellationToken).ConfigureAwait(false)
                    ?? throw LspErrorCodes.Error(LspErrorCodes.RequestFailed, "The finding is no longer reported; nothing was added to the baseline.");
                var file = await session.Analysis.AddToBaselineAsync(new[] { finding }, cancellationToken).ConfigureAwait(false);
                context.Services.Log.Info("added " + finding.RuleId + " to " + file);
                await ConfigurationChange.ApplyAsync(context.Services).ConfigureAwait(false);
                return JsonSerializer.SerializeToElement(new { baseline = file }, ServerJson.Options);

            case Methods.RescanCommand:
                await context.Services.Diagnostics.ScanWorkspaceAsync(context.Services.Queue.Current, cancellationToken).ConfigureAwait(false);
                return JsonSerializer.SerializeToElement(new { filesWithFindings = context.Services.Diagnostics.ScanResults.Count }, ServerJson.Options);

            default:
                throw LspErrorCodes.Error(LspErrorCodes.InvalidParams, "Unknown command '" + request.Command + "'.");
        }
    }

    private static BaselineArgument ReadArgument(ExecuteCommandParams request)
    {
        try
        {
            if (request.Arguments is { Count: > 0 } args && args[0].Deserialize<BaselineArgument>(ServerJson.Options) is { } argument
                && !string.IsNullOrEmpty(argument.Uri) && !string.IsNullOrEmpty(argument.Fingerprint))
            {
                return argument;
            }
        }
        catch (JsonException)
        {
            // Malformed arguments get the same InvalidParams answer as missing ones, below.
        }

        throw LspErrorCodes.Error(LspErrorCodes.InvalidParams, Methods.AddToBaselineCommand + " expects one argument {uri, fingerprint, ruleId}.");
    }

    private static async Task<Finding?> FindAsync(RequestContext context, BaselineArgument argument, CancellationToken cancellationToken)
    {
        if (context.State.Documents.TryGetValue(argument.Uri, out var document))
        {
            var analysis = await context.Services.Diagnostics.GetAsync(context.State, document, cancellationToken).ConfigureAwait(false);
            return analysis.Findings.FirstOrDefault(f => f.Fingerprint == argument.Fingerprint);
        }

        var path = DocumentUris.ToPath(argument.Uri);
        return path is not null && context.Services.Diagnostics.ScanResults.TryGetValue(path, out var findings)
            ? findings.FirstOrDefault(f => f.Fingerprint == argument.Fingerprint)
            : null;
    }
}
