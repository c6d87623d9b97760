using DevOpsLens.Server.Dispatch;

namespace DevOpsLens.Server.Handlers.Workspace;

/// <summary>Shared by the handlers that change what analysis would report: drop caches, bump the generation, re-evaluate open documents.</summary>
internal static class ConfigurationChange
{
    /// <summary>Inside a mutating handler.</summary>
    public static void Apply(RequestContext context, Func<ServerState, ServerState>? alsoChange = null)
    {
        context.State.Session?.Analysis.InvalidateConfiguration();
        context.State.Session?.AnalyzerPackages.Invalidate();
        context.Update(s => (alsoChange?.Invoke(s) ?? s) with { ConfigurationGeneration = s.ConfigurationGeneration + 1 });
        var state = context.State;
        var services = context.Services;
        _ = Task.Run(() => services.Diagnostics.RefreshAllAsync(state));
    }

    /// <summary>From background work or a read-only handler: goes through the queue like any mutation.</summary>
    public static Task ApplyAsync(ServerServices services, Func<ServerState, ServerState>? alsoChange = null) =>
        services.Queue.Enqueue(
            Methods.Internal,
            HandlerKind.Mutating,
            (context, _) =>
            {
                Apply(context, alsoChange);
                return Task.FromResult(true);
            },
            CancellationToken.None);
}
