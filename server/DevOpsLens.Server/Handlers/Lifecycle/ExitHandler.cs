using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Protocol;

namespace DevOpsLens.Server.Handlers.Lifecycle;

/// <summary>Ends the process: exit code 0 after a shutdown request, 1 otherwise (LSP's rule).</summary>
internal sealed class ExitHandler : ILspHandler<EmptyParams, NoResult>
{
    public Task<NoResult> HandleAsync(EmptyParams request, RequestContext context, CancellationToken cancellationToken)
    {
        context.Services.RequestExit(context.State.ShutdownRequested ? 0 : 1);
        return Task.FromResult(NoResult.Value);
    }
}
