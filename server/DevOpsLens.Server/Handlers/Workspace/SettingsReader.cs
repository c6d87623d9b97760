using System.Text.Json;
using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Workspace;

/// <summary>Pulls the <c>devopslens</c> settings section with workspace/configuration and applies it through the queue.</summary>
internal static class SettingsReader
{
    public static async Task RefreshAsync(ServerServices services)
    {
        JsonElement[] sections;
        try
        {
            sections = await services.Client.RequestAsync<ConfigurationParams, JsonElement[]>(
                Methods.Configuration,
                new ConfigurationParams { Items = new[] { new ConfigurationItem { Section = "devopslens" } } },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Log.Warn("workspace/configuration failed: " + ex.Message);
            return;
        }

        var settings = ServerSettings.From(sections is { Length: > 0 } ? sections[0] : null);
        if (settings != services.Queue.Current.Settings)
        {
            await ConfigurationChange.ApplyAsync(services, s => s with { Settings = settings }).ConfigureAwait(false);
        }
    }
}
