using System.Threading.Channels;

namespace DevOpsLens.Server.Dispatch;

/// <summary>
/// Orders the server's work. Every message is enqueued in arrival order. Mutating items run one at a time and
/// replace the state; a read-only item takes the state current at its turn and runs concurrently, so a request
/// always sees every didChange that arrived before it, and a slow request never blocks typing.
/// </summary>
internal sealed class RequestQueue
{
    private readonly Channel<WorkItem> _channel = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ServerServices _services;
    private ServerState _state = ServerState.Empty;
    private Task? _loop;

    public RequestQueue(ServerServices services) => _services = services;

    /// <summary>The latest committed state (for background work that must not wait for the queue).</summary>
    public ServerState Current => Volatile.Read(ref _state);

    /// <summary>Number of items waiting: the 5,000-edit burst benchmark checks it returns to zero.</summary>
    public int Pending => _channel.Reader.Count;

    public void Start() => _loop = Task.Run(RunAsync);

    public Task<TResult> Enqueue<TResult>(string method, HandlerKind kind, Func<RequestContext, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        var item = new WorkItem<TResult>(method, kind, work, cancellationToken);
        if (!_channel.Writer.TryWrite(item))
        {
            return Task.FromException<TResult>(LspErrorCodes.Error(LspErrorCodes.InvalidRequest, "The server is shutting down."));
        }

        return item.Completion;
    }

    public void Complete() => _channel.Writer.TryComplete();

    public Task Completion => _loop ?? Task.CompletedTask;

    private async Task RunAsync()
    {
        await foreach (var item in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var state = Volatile.Read(ref _state);
            var gate = Admit(item.Method, state);
            if (gate is not null)
            {
                item.Fail(gate);
                continue;
            }

            if (item.Kind == HandlerKind.Mutating)
            {
                var context = new RequestContext(state, _services, mutable: true);
                await item.RunAsync(context).ConfigureAwait(false);
                Volatile.Write(ref _state, context.State);
            }
            else
            {
                var context = new RequestContext(state, _services, mutable: false);
                _ = Task.Run(() => item.RunAsync(context));
            }
        }
    }

    /// <summary>LSP lifecycle rules: nothing but initialize before it, nothing but exit after shutdown.</summary>
    private static Exception? Admit(string method, ServerState state)
    {
        if (method == Methods.Exit)
        {
            return null;
        }

        if (state.ShutdownRequested)
        {
            return LspErrorCodes.Error(LspErrorCodes.InvalidRequest, "The server is shutting down; only 'exit' is accepted.");
        }

        if (method == Methods.Initialize)
        {
            return state.Initialized ? LspErrorCodes.Error(LspErrorCodes.InvalidRequest, "The server is already initialized.") : null;
        }

        if (!state.Initialized && !method.StartsWith("$/", StringComparison.Ordinal) && method != Methods.Internal)
        {
            return LspErrorCodes.Error(LspErrorCodes.ServerNotInitialized, "The server has not been initialized.");
        }

        return null;
    }

    private abstract class WorkItem
    {
        protected WorkItem(string method, HandlerKind kind)
        {
            Method = method;
            Kind = kind;
        }

        public string Method { get; }

        public HandlerKind Kind { get; }

        public abstract Task RunAsync(RequestContext context);

        public abstract void Fail(Exception error);
    }

    private sealed class WorkItem<TResult> : WorkItem
    {
        private readonly Func<RequestContext, CancellationToken, Task<TResult>> _work;
        private readonly CancellationToken _cancellationToken;
        private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public WorkItem(string method, HandlerKind kind, Func<RequestContext, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
            : base(method, kind)
        {
            _work = work;
            _cancellationToken = cancellationToken;
        }

        public Task<TResult> Completion => _completion.Task;

        public override async Task RunAsync(RequestContext context)
        {
            try
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _completion.TrySetResult(await _work(context, _cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException ex)
            {
                _completion.TrySetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                _completion.TrySetException(ex);
            }
        }

        public override void Fail(Exception error) => _completion.TrySetException(error);
    }
}
