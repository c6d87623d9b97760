using DevOpsLens.Server.Dispatch;
using DevOpsLens.Server.Transport;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace DevOpsLens.Server;

/// <summary>
/// One LSP session over a pair of streams (stdin/stdout for <c>devopslens lsp</c>, duplex pipes in tests).
/// Returns the process exit code: 0 after shutdown+exit, 1 when the session ended any other way, as LSP asks.
/// </summary>
public static class LanguageServer
{
    public static async Task<int> RunAsync(Stream input, Stream output, LanguageServerOptions options, CancellationToken cancellationToken)
    {
        var log = new ServerLog(options.Log);
        await using var gate = new MessageGate(input, output, log.Info);
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = ServerJson.Options };
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(gate.RpcStream, gate.RpcStream, formatter))
        {
            // Handlers start in arrival order; the request queue then decides what may run concurrently.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };

        var exit = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new LanguageClient(rpc, options.Log);
        log.Attach(client);
        var services = new ServerServices(options, client, log, code => exit.TrySetResult(code));
        var queue = new RequestQueue(services);
        services.Queue = queue;
        HandlerTable.Register(rpc, queue, services);

        rpc.StartListening();
        queue.Start();
        gate.Start();

        using var registration = cancellationToken.Register(() => exit.TrySetResult(1));
        var ended = await Task.WhenAny(exit.Task, rpc.Completion, gate.InputCompleted).ConfigureAwait(false);
        queue.Complete();
        var code = exit.Task.IsCompleted ? await exit.Task.ConfigureAwait(false) : 1;
        if (ended != exit.Task)
        {
            options.Log.WriteLine("devopslens lsp: the client closed the connection.");
        }

        return code;
    }
}
