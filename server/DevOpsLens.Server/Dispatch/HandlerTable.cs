using System.Reflection;
using System.Text.Json;
using DevOpsLens.Server.Handlers.CodeActions;
using DevOpsLens.Server.Handlers.Diagnostics;
using DevOpsLens.Server.Handlers.Hover;
using DevOpsLens.Server.Handlers.Lifecycle;
using DevOpsLens.Server.Handlers.Risk;
using DevOpsLens.Server.Handlers.TextSync;
using DevOpsLens.Server.Handlers.Workspace;
using DevOpsLens.Server.Protocol;
using StreamJsonRpc;

namespace DevOpsLens.Server.Dispatch;

/// <summary>
/// The explicit table of every method the server answers: name, handler, and whether it mutates state. Methods
/// not listed get JSON-RPC MethodNotFound from StreamJsonRpc (requests) or are ignored (notifications).
/// </summary>
internal static class HandlerTable
{
    public static void Register(JsonRpc rpc, RequestQueue queue, ServerServices services)
    {
        var table = new Registrar(rpc, queue, services);

        table.Add(Methods.Initialize, HandlerKind.Mutating, new InitializeHandler());
        table.Add(Methods.Initialized, HandlerKind.Mutating, new InitializedHandler());
        table.Add(Methods.Shutdown, HandlerKind.Mutating, new ShutdownHandler());
        table.Add(Methods.Exit, HandlerKind.Mutating, new ExitHandler());

        table.Add(Methods.DidOpen, HandlerKind.Mutating, new DidOpenHandler());
        table.Add(Methods.DidChange, HandlerKind.Mutating, new DidChangeHandler());
        table.Add(Methods.DidSave, HandlerKind.Mutating, new DidSaveHandler());
        table.Add(Methods.DidClose, HandlerKind.Mutating, new DidCloseHandler());
        table.Add(Methods.DidChangeConfiguration, HandlerKind.Mutating, new DidChangeConfigurationHandler());
        table.Add(Methods.DidChangeWatchedFiles, HandlerKind.Mutating, new DidChangeWatchedFilesHandler());

        table.Add(Methods.DocumentDiagnostic, HandlerKind.ReadOnly, new DocumentDiagnosticHandler());
        table.Add(Methods.WorkspaceDiagnostic, HandlerKind.ReadOnly, new WorkspaceDiagnosticHandler());
        table.Add(Methods.CodeAction, HandlerKind.ReadOnly, new CodeActionHandler());
        table.Add(Methods.ExecuteCommand, HandlerKind.ReadOnly, new ExecuteCommandHandler());
        table.Add(Methods.Hover, HandlerKind.ReadOnly, new HoverHandler());
        table.Add(Methods.ChangeRisk, HandlerKind.ReadOnly, new ChangeRiskHandler());
    }

    private sealed class Registrar
    {
        private static readonly MethodInfo Invoke = typeof(RpcMethod<EmptyParams, NoResult>).GetMethod(nameof(RpcMethod<EmptyParams, NoResult>.InvokeAsync))!;
        private readonly JsonRpc _rpc;
        private readonly RequestQueue _queue;
        private readonly ServerServices _services;

        public Registrar(JsonRpc rpc, RequestQueue queue, ServerServices services)
        {
            _rpc = rpc;
            _queue = queue;
            _services = services;
        }

        public void Add<TParams, TResult>(string method, HandlerKind kind, ILspHandler<TParams, TResult> handler)
        {
            var target = new RpcMethod<TParams, TResult>(method, kind, handler, _queue, _services);
            var invoke = typeof(RpcMethod<TParams, TResult>).GetMethod(Invoke.Name)!;
            _rpc.AddLocalRpcMethod(invoke, target, new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });
        }
    }
}

/// <summary>
/// Adapts one handler to StreamJsonRpc: parses params with the server's own DTOs (bad params → InvalidParams),
/// enqueues the work in arrival order, and turns handler failures into JSON-RPC errors instead of crashes.
/// </summary>
internal sealed class RpcMethod<TParams, TResult>
{
    private readonly string _method;
    private readonly HandlerKind _kind;
    private readonly ILspHandler<TParams, TResult> _handler;
    private readonly RequestQueue _queue;
    private readonly ServerServices _services;

    public RpcMethod(string method, HandlerKind kind, ILspHandler<TParams, TResult> handler, RequestQueue queue, ServerServices services)
    {
        _method = method;
        _kind = kind;
        _handler = handler;
        _queue = queue;
        _services = services;
    }

    public async Task<JsonElement> InvokeAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default)
    {
        // Synchronous up to the enqueue, so arrival order is queue order. Params are parsed at the item's turn,
        // after the lifecycle check: a request before initialize is ServerNotInitialized whatever its params.
        var work = _queue.Enqueue(_method, _kind, (context, ct) => _handler.HandleAsync(Parse(parameters), context, ct), cancellationToken);
        TResult result;
        try
        {
            result = await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (LocalRpcException)
        {
            throw;
        }
        catch (Exception ex)
        {
            _services.Log.Error(_method + " failed: " + ex);
            throw LspErrorCodes.Error(LspErrorCodes.RequestFailed, _method + " failed: " + ex.GetType().Name + ": " + ex.Message);
        }

        return JsonSerializer.SerializeToElement(result is NoResult ? null : (object?)result, ServerJson.Options);
    }

    private TParams Parse(JsonElement? parameters)
    {
        if (typeof(TParams) == typeof(EmptyParams))
        {
            return (TParams)(object)new EmptyParams();
        }

        if (parameters is not { ValueKind: JsonValueKind.Object } value)
        {
            throw LspErrorCodes.Error(LspErrorCodes.InvalidParams, _method + ": params must be an object.");
        }

        try
        {
            return value.Deserialize<TParams>(ServerJson.Options) ?? throw LspErrorCodes.Error(LspErrorCodes.InvalidParams, _method + ": params are missing.");
        }
        catch (JsonException ex)
        {
            throw LspErrorCodes.Error(LspErrorCodes.InvalidParams, _method + ": " + ex.Message);
        }
    }
}
