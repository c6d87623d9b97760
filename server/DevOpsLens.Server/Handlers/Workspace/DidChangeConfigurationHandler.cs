using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Workspace;

/// <summary>
/// Clients that support workspace/configuration send an empty notification and expect the server to pull; older
/// clients push the settings in the notification itself. Both end in re-evaluating the open documents.
/// </summary>
internal sealed class DidChangeConfigurationHandler : ILspHandler<DidChangeConfigurationParams, NoResult>
{
    public Task<NoResult> HandleAsync(DidChangeConfigurationParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        if (context.State.Client.Configuration)
        {
            _ = Task.Run(() => SettingsReader.RefreshAsync(services));
            return Task.FromResult(NoResult.Value);
        }

        var settings = request.Settings is { } pushed ? ServerSettings.From(pushed) : context.State.Settings;
        ConfigurationChange.Apply(context, s => s with { Settings = settings });
        return Task.FromResult(NoResult.Value);
    }
}
