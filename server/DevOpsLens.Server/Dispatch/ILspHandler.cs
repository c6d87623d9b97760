namespace DevOpsLens.Server.Dispatch;

/// <summary>
/// Mutating handlers run one at a time in arrival order and may replace the server state; read-only handlers
/// run concurrently on the state current when their message arrived.
/// </summary>
internal enum HandlerKind
{
    Mutating,
    ReadOnly,
}

/// <summary>One LSP method. <typeparamref name="TResult"/> is <see cref="Protocol.NoResult"/> for notifications.</summary>
internal interface ILspHandler<in TParams, TResult>
{
    Task<TResult> HandleAsync(TParams request, RequestContext context, CancellationToken cancellationToken);
}
