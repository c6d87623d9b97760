using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Lifecycle;

/// <summary>
/// After the handshake: watch the files that change analysis results, read the editor settings, then scan the
/// workspace in the background. None of it blocks the queue: didOpen may arrive right behind this notification.
/// </summary>
internal sealed class InitializedHandler : ILspHandler<EmptyParams, NoResult>
{
    public static readonly string[] WatchedGlobs =
    {
        "**/.editorconfig",
        "**/.globalconfig",
        "**/.devopslens/baseline.json",
        "**/*.csproj",
        "**/Directory.Packages.props",
        "**/Directory.Build.props",
    };

    public Task<NoResult> HandleAsync(EmptyParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var state = context.State;
        _ = Task.Run(() => StartAsync(services, state));
        return Task.FromResult(NoResult.Value);
    }

    private static async Task StartAsync(ServerServices services, ServerState state)
    {
        try
        {
            if (state.Client.WatchedFilesDynamicRegistration)
            {
                await services.Client.RequestAsync<RegistrationParams, object?>(
                    Methods.RegisterCapability,
                    new RegistrationParams
                    {
                        Registrations = new[]
                        {
                            new Registration
                            {
                                Id = "devopslens-watched-files",
                                Method = Methods.DidChangeWatchedFiles,
                                RegisterOptions = new DidChangeWatchedFilesRegistrationOptions { Watchers = WatchedGlobs.Select(g => new Protocol.FileSystemWatcher { GlobPattern = g }).ToArray() },
                            },
                        },
                    },
                    CancellationToken.None).ConfigureAwait(false);
            }

            if (state.Client.Configuration)
            {
                await Workspace.SettingsReader.RefreshAsync(services).ConfigureAwait(false);
            }

            await services.Diagnostics.ScanWorkspaceAsync(services.Queue.Current, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Log.Warn("start-up work failed: " + ex.Message);
        }
    }
}
