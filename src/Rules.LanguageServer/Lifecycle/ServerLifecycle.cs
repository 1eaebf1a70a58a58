using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Lifecycle;

/// <summary>
/// The server's lifecycle state and the rules it imposes on incoming messages (the connection's filter):
/// before <c>initialize</c> requests get ServerNotInitialized and notifications are dropped; after
/// <c>shutdown</c> requests get InvalidRequest; <c>exit</c> is always accepted.
/// The exit code is 0 when <c>shutdown</c> came before the end, 1 otherwise.
/// </summary>
public sealed class ServerLifecycle : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _state = (int)ServerState.NotInitialized;
    private volatile bool _shutdownReceived;
    private string? _stopReason;

    public ServerState State => (ServerState)Volatile.Read(ref _state);

    public bool ShutdownReceived => _shutdownReceived;

    /// <summary>0 after a <c>shutdown</c> request, otherwise 1 (as the LSP specifies for <c>exit</c>).</summary>
    public int ExitCode => _shutdownReceived ? 0 : 1;

    /// <summary>Cancelled when the server should stop (exit, dead client process).</summary>
    public CancellationToken StopRequested => _stop.Token;

    /// <summary>Why the server stopped, when it did.</summary>
    public string? StopReason => Volatile.Read(ref _stopReason);

    public JsonRpcFilterDecision Filter(IncomingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Method == LspMethods.Exit) return JsonRpcFilterDecision.Allow;
        return State switch
        {
            ServerState.NotInitialized when call.Method == LspMethods.Initialize => JsonRpcFilterDecision.Allow,
            ServerState.NotInitialized => JsonRpcFilterDecision.Reject(JsonRpcErrorCodes.ServerNotInitialized,
                $"The server is not initialized: send 'initialize' before '{call.Method}'."),
            ServerState.Initialized when call.Method == LspMethods.Initialize => JsonRpcFilterDecision.Reject(
                JsonRpcErrorCodes.InvalidRequest, "The server is already initialized: 'initialize' may be sent only once."),
            ServerState.Initialized => JsonRpcFilterDecision.Allow,
            ServerState.ShuttingDown => JsonRpcFilterDecision.Reject(JsonRpcErrorCodes.InvalidRequest,
                $"The server is shutting down: after 'shutdown' only 'exit' is accepted, not '{call.Method}'."),
            _ => JsonRpcFilterDecision.Reject(JsonRpcErrorCodes.InvalidRequest,
                $"The server has stopped and does not accept '{call.Method}'."),
        };
    }

    public void MarkInitialized() => Interlocked.CompareExchange(ref _state, (int)ServerState.Initialized, (int)ServerState.NotInitialized);

    public void MarkShutdown()
    {
        _shutdownReceived = true;
        Interlocked.CompareExchange(ref _state, (int)ServerState.ShuttingDown, (int)ServerState.Initialized);
    }

    /// <summary>Stops the server (idempotent; the first reason is kept).</summary>
    public void Stop(string reason)
    {
        Interlocked.CompareExchange(ref _stopReason, reason, null);
        Volatile.Write(ref _state, (int)ServerState.Stopped);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => _stop.Dispose();
}
