using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Lifecycle;

/// <summary>Marks the session as shutting down; from now on only exit is accepted. The result is null.</summary>
internal sealed class ShutdownHandler : ILspHandler<EmptyParams, NoResult>
{
    public Task<NoResult> HandleAsync(EmptyParams request, RequestContext context, CancellationToken cancellationToken)
    {
        context.Update(s => s with { ShutdownRequested = true });
        return Task.FromResult(NoResult.Value);
    }
}
