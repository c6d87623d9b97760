namespace DevOpsLens.Server.Dispatch;

/// <summary>
/// What a handler sees: the state snapshot it was dispatched on and the connection's services. Only mutating
/// handlers may <see cref="Update"/> the state; the queue publishes the new value when the handler returns.
/// </summary>
internal sealed class RequestContext
{
    private readonly bool _mutable;

    public RequestContext(ServerState state, ServerServices services, bool mutable)
    {
        State = state;
        Services = services;
        _mutable = mutable;
    }

    public ServerState State { get; private set; }

    public ServerServices Services { get; }

    public void Update(Func<ServerState, ServerState> change)
    {
        if (!_mutable)
        {
            throw new InvalidOperationException("A read-only handler tried to change the server state.");
        }

        State = change(State);
    }
}
