using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// One JSON-RPC 2.0 connection over a pair of streams, in both directions.
/// <para>Incoming: a reader loop reads frames; responses and <c>$/cancelRequest</c> are handled at once,
/// requests and notifications are queued and dispatched in arrival order. A <see cref="RequestProcessType.Serial"/>
/// handler (every notification by default) waits until all earlier messages finished and holds back later ones;
/// <see cref="RequestProcessType.Parallel"/> handlers (requests by default) run concurrently. Malformed messages
/// are answered with JSON-RPC errors and the connection reads on; unknown requests get MethodNotFound,
/// unknown notifications are ignored (and logged unless they start with <c>$/</c>).</para>
/// <para>Outgoing: <see cref="SendRequestAsync{TResult}"/> and <see cref="SendNotificationAsync"/> may be called
/// from any thread, also from inside handlers (responses are read while handlers run).</para>
/// </summary>
public sealed class JsonRpcConnection : IAsyncDisposable
{
    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement.Clone();

    private readonly MessageFrameReader _reader;
    private readonly MessageFrameWriter _writer;
    private readonly JsonRpcHandlerRegistry _handlers;
    private readonly JsonRpcConnectionOptions _options;
    private readonly ConcurrentDictionary<RequestId, CancellationTokenSource> _incoming = new();
    private readonly ConcurrentDictionary<RequestId, TaskCompletionSource<JsonElement>> _outgoing = new();
    private readonly Channel<JsonRpcMessage> _queue =
        Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private long _nextOutgoingId;
    private int _started;
    private int _stopReason = -1;
    private volatile bool _inputEnded;
    private volatile bool _readFailed;
    private volatile bool _outputFailed;

    public JsonRpcConnection(Stream input, Stream output, JsonRpcHandlerRegistry handlers, JsonRpcConnectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(handlers);
        _options = options ?? new JsonRpcConnectionOptions();
        _reader = new MessageFrameReader(input, _options.MaxContentLength);
        _writer = new MessageFrameWriter(output);
        _handlers = handlers;
        Formatter = new JsonRpcMessageFormatter(_options.SerializerOptions);
    }

    public JsonRpcMessageFormatter Formatter { get; }

    /// <summary>Cancelled when the connection stops (exit, cancellation, I/O failure).</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>
    /// Reads and dispatches messages until the input ends (after processing what was queued),
    /// <see cref="Stop"/> is called, or <paramref name="cancellationToken"/> is cancelled.
    /// Handlers still running are then cancelled. Can be called once.
    /// </summary>
    public async Task<JsonRpcEndReason> RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("The connection is already running or has run.");

        await using var registration = cancellationToken.Register(() => Stop(JsonRpcEndReason.Cancelled)).ConfigureAwait(false);
        var stopToken = _stop.Token;
        _ = Task.Run(() => ReadLoopAsync(stopToken), CancellationToken.None);
        await ProcessLoopAsync(stopToken).ConfigureAwait(false);
        FailOutgoing("The connection ended before the response arrived.");

        var reason = Volatile.Read(ref _stopReason);
        if (reason >= 0) return (JsonRpcEndReason)reason;
        return _readFailed ? JsonRpcEndReason.Failed : JsonRpcEndReason.EndOfStream;
    }

    /// <summary>Stops the connection: RunAsync returns without reading further messages.</summary>
    public void Stop() => Stop(JsonRpcEndReason.Stopped);

    /// <summary>Sends a request to the other side and waits for its result (default for a JSON null).</summary>
    /// <exception cref="JsonRpcException">The other side answered with an error, or the result did not fit <typeparamref name="TResult"/>.</exception>
    /// <exception cref="InvalidOperationException">The connection is closed.</exception>
    public async Task<TResult?> SendRequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken = default)
    {
        var element = await SendRequestAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return default;
        try
        {
            return element.Deserialize<TResult>(Formatter.SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams,
                $"The result of '{method}' does not fit {typeof(TResult).Name}: {e.Message}", innerException: e);
        }
    }

    /// <summary>Sends a request and returns the raw result. Cancelling sends <c>$/cancelRequest</c>.</summary>
    public async Task<JsonElement> SendRequestAsync(string method, object? parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        cancellationToken.ThrowIfCancellationRequested();
        var id = new RequestId(Interlocked.Increment(ref _nextOutgoingId));
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _outgoing[id] = completion;
        if ((_inputEnded || _stop.IsCancellationRequested) && _outgoing.TryRemove(id, out _))
            throw new InvalidOperationException($"Cannot send the request '{method}': the connection is closed.");

        await using var registration = cancellationToken.Register(() =>
        {
            if (!_outgoing.TryRemove(id, out _)) return;
            completion.TrySetCanceled(cancellationToken);
            _ = SendNotificationAsync(JsonRpcMethods.CancelRequest, new CancelParams(id));
        }).ConfigureAwait(false);

        Log(JsonRpcLogLevel.Trace, $"--> request '{method}' ({id})");
        if (!await SendAsync(Formatter.FormatRequest(id, method, parameters)).ConfigureAwait(false))
        {
            _outgoing.TryRemove(id, out _);
            throw new InvalidOperationException($"Cannot send the request '{method}': writing to the output failed.");
        }
        return await completion.Task.ConfigureAwait(false);
    }

    /// <summary>Sends a notification. Never throws for a closed connection (the failure is logged).</summary>
    public async Task SendNotificationAsync(string method, object? parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        cancellationToken.ThrowIfCancellationRequested();
        Log(JsonRpcLogLevel.Trace, $"--> notification '{method}'");
        await SendAsync(Formatter.FormatNotification(method, parameters)).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        Stop(JsonRpcEndReason.Stopped);
        FailOutgoing("The connection was disposed.");
        _writer.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Stop(JsonRpcEndReason reason)
    {
        Interlocked.CompareExchange(ref _stopReason, (int)reason, -1);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ReadLoopAsync(CancellationToken stopToken)
    {
        try
        {
            while (true)
            {
                FrameReadResult frame;
                try
                {
                    frame = await _reader.ReadAsync(stopToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
                {
                    _readFailed = true;
                    Log(JsonRpcLogLevel.Error, $"Reading from the input failed: {e.Message}", e);
                    return;
                }

                switch (frame.Status)
                {
                    case FrameReadStatus.EndOfStream:
                        Log(JsonRpcLogLevel.Debug, "The input ended.");
                        return;
                    case FrameReadStatus.Error:
                        Log(JsonRpcLogLevel.Warning, $"Broken message frame: {frame.Error}");
                        await SendAsync(Formatter.FormatError(null,
                            new ResponseError(JsonRpcErrorCodes.ParseError, frame.Error!))).ConfigureAwait(false);
                        break;
                    default:
                        await HandleFrameAsync(frame.Content!).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (Exception e)
        {
            _readFailed = true;
            Log(JsonRpcLogLevel.Error, $"The reader loop failed: {e.Message}", e);
        }
        finally
        {
            _inputEnded = true;
            _queue.Writer.TryComplete();
            FailOutgoing("The connection's input ended before the response arrived.");
        }
    }

    private async Task HandleFrameAsync(byte[] content)
    {
        var parsed = Formatter.Parse(content);
        if (parsed.Message is null)
        {
            Log(JsonRpcLogLevel.Warning, $"Malformed message{(parsed.Id is { } badId ? $" (id {badId})" : "")}: {parsed.Error!.Message}");
            await SendAsync(Formatter.FormatError(parsed.Id, parsed.Error!)).ConfigureAwait(false);
            return;
        }

        switch (parsed.Message)
        {
            case JsonRpcResponse response:
                CompleteOutgoing(response);
                break;
            case JsonRpcNotification { Method: JsonRpcMethods.CancelRequest } cancel:
                CancelIncoming(cancel.Params);
                break;
            case JsonRpcRequest request:
                var source = new CancellationTokenSource();
                if (!_incoming.TryAdd(request.Id, source))
                {
                    source.Dispose();
                    Log(JsonRpcLogLevel.Warning, $"Rejected request '{request.Method}': id {request.Id} is already in use.");
                    await SendAsync(Formatter.FormatError(request.Id, new ResponseError(JsonRpcErrorCodes.InvalidRequest,
                        $"A request with id {request.Id} is already being processed."))).ConfigureAwait(false);
                    break;
                }
                Log(JsonRpcLogLevel.Trace, $"<-- request '{request.Method}' ({request.Id})");
                _queue.Writer.TryWrite(request);
                break;
            case JsonRpcNotification notification:
                Log(JsonRpcLogLevel.Trace, $"<-- notification '{notification.Method}'");
                _queue.Writer.TryWrite(notification);
                break;
        }
    }

    private async Task ProcessLoopAsync(CancellationToken stopToken)
    {
        var running = new List<Task>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopToken).ConfigureAwait(false))
            {
                while (!stopToken.IsCancellationRequested && _queue.Reader.TryRead(out var message))
                {
                    running.RemoveAll(task => task.IsCompleted);
                    await DispatchAsync(message, running, stopToken).ConfigureAwait(false);
                }
                if (stopToken.IsCancellationRequested) break;
            }
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var source in _incoming.Values) TryCancel(source);
            var all = Task.WhenAll(running);
            await Task.WhenAny(all, Task.Delay(_options.DrainTimeout, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(JsonRpcMessage message, List<Task> running, CancellationToken stopToken)
    {
        var (method, id) = message switch
        {
            JsonRpcRequest request => (request.Method, (RequestId?)request.Id),
            JsonRpcNotification notification => (notification.Method, null),
            _ => throw new InvalidOperationException("Only requests and notifications are queued."),
        };
        var isRequest = id is not null;

        JsonRpcFilterDecision decision;
        try
        {
            decision = _options.Filter?.Invoke(new IncomingCall(method, isRequest)) ?? JsonRpcFilterDecision.Allow;
        }
        catch (Exception e)
        {
            Log(JsonRpcLogLevel.Error, $"The message filter failed on '{method}': {e.Message}", e);
            decision = JsonRpcFilterDecision.Reject(JsonRpcErrorCodes.InternalError, $"The server failed to accept '{method}': {e.Message}");
        }

        if (!decision.IsAllowed)
        {
            if (id is { } rejectedId) await RespondWithErrorAsync(rejectedId, decision.Error!).ConfigureAwait(false);
            else Log(JsonRpcLogLevel.Debug, $"Dropped the notification '{method}': {decision.Error!.Message}");
            return;
        }

        if (!_handlers.TryGet(method, out var descriptor))
        {
            if (id is { } unknownId)
            {
                Log(JsonRpcLogLevel.Debug, $"No handler for the request '{method}'.");
                await RespondWithErrorAsync(unknownId, new ResponseError(JsonRpcErrorCodes.MethodNotFound,
                    $"The server does not handle the request '{method}'.")).ConfigureAwait(false);
            }
            else if (!method.StartsWith(JsonRpcMethods.ImplementationDependentPrefix, StringComparison.Ordinal))
            {
                Log(JsonRpcLogLevel.Information, $"Ignored the notification '{method}': no handler is registered for it.");
            }
            return;
        }

        if (descriptor.IsRequest != isRequest)
        {
            if (id is { } wrongId)
                await RespondWithErrorAsync(wrongId, new ResponseError(JsonRpcErrorCodes.InvalidRequest,
                    $"'{method}' is a notification, but it was sent as a request (with an id).")).ConfigureAwait(false);
            else
                Log(JsonRpcLogLevel.Warning, $"Ignored '{method}' sent as a notification: it is a request and needs an id.");
            return;
        }

        if (descriptor.ProcessType == RequestProcessType.Serial)
        {
            await Task.WhenAll(running).ConfigureAwait(false);
            running.Clear();
            await ExecuteAsync(message, descriptor, stopToken).ConfigureAwait(false);
        }
        else
        {
            running.Add(Task.Run(() => ExecuteAsync(message, descriptor, stopToken), CancellationToken.None));
        }
    }

    private Task ExecuteAsync(JsonRpcMessage message, HandlerDescriptor descriptor, CancellationToken stopToken) =>
        message is JsonRpcRequest request
            ? ExecuteRequestAsync(request, descriptor)
            : ExecuteNotificationAsync((JsonRpcNotification)message, descriptor, stopToken);

    private async Task ExecuteRequestAsync(JsonRpcRequest request, HandlerDescriptor descriptor)
    {
        if (!_incoming.TryGetValue(request.Id, out var source))
        {
            source = new CancellationTokenSource();
            _incoming[request.Id] = source;
        }

        byte[] response;
        try
        {
            if (source.IsCancellationRequested)
            {
                response = Formatter.FormatError(request.Id, Cancelled(request.Method));
            }
            else
            {
                var result = await descriptor.InvokeAsync(request.Params, Formatter, source.Token).ConfigureAwait(false);
                response = Formatter.FormatResult(request.Id, result, descriptor.ResultType);
                Log(JsonRpcLogLevel.Trace, $"--> result of '{request.Method}' ({request.Id})");
            }
        }
        catch (OperationCanceledException) when (source.IsCancellationRequested)
        {
            response = Formatter.FormatError(request.Id, Cancelled(request.Method));
        }
        catch (JsonRpcException e)
        {
            Log(JsonRpcLogLevel.Debug, $"The request '{request.Method}' ({request.Id}) answered error {e.Code}: {e.Message}");
            response = Formatter.FormatError(request.Id, e.ToResponseError());
        }
        catch (Exception e)
        {
            Log(JsonRpcLogLevel.Error, $"The handler of '{request.Method}' ({request.Id}) failed: {e.Message}", e);
            response = Formatter.FormatError(request.Id, new ResponseError(JsonRpcErrorCodes.InternalError,
                $"The request '{request.Method}' failed: {e.Message}"));
        }
        finally
        {
            _incoming.TryRemove(request.Id, out _);
            source.Dispose();
        }

        await SendAsync(response).ConfigureAwait(false);
    }

    private async Task ExecuteNotificationAsync(JsonRpcNotification notification, HandlerDescriptor descriptor, CancellationToken stopToken)
    {
        try
        {
            await descriptor.InvokeAsync(notification.Params, Formatter, stopToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
        }
        catch (JsonRpcException e)
        {
            Log(JsonRpcLogLevel.Warning, $"The notification '{notification.Method}' was not handled: {e.Message}");
        }
        catch (Exception e)
        {
            Log(JsonRpcLogLevel.Error, $"The handler of the notification '{notification.Method}' failed: {e.Message}", e);
        }
    }

    private static ResponseError Cancelled(string method) =>
        new(JsonRpcErrorCodes.RequestCancelled, $"The request '{method}' was cancelled.");

    private async Task RespondWithErrorAsync(RequestId id, ResponseError error)
    {
        if (_incoming.TryRemove(id, out var source)) source.Dispose();
        await SendAsync(Formatter.FormatError(id, error)).ConfigureAwait(false);
    }

    private void CancelIncoming(JsonElement? parameters)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("id", out var idElement)
            || !RequestId.TryRead(idElement, out var id))
        {
            Log(JsonRpcLogLevel.Warning, "Ignored a $/cancelRequest without a valid \"id\".");
            return;
        }

        if (_incoming.TryGetValue(id, out var source))
        {
            Log(JsonRpcLogLevel.Debug, $"Cancelling request {id}.");
            TryCancel(source);
        }
    }

    private void CompleteOutgoing(JsonRpcResponse response)
    {
        if (response.Id is not { } id || !_outgoing.TryRemove(id, out var completion))
        {
            var text = response.Error is { } error ? $" (error {error.Code}: {error.Message})" : "";
            Log(JsonRpcLogLevel.Warning, $"Ignored a response to an unknown request id {response.Id?.ToString() ?? "null"}{text}.");
            return;
        }

        Log(JsonRpcLogLevel.Trace, $"<-- response ({id})");
        if (response.Error is { } responseError) completion.TrySetException(new JsonRpcException(responseError));
        else completion.TrySetResult(response.Result ?? NullElement);
    }

    private void FailOutgoing(string message)
    {
        foreach (var id in _outgoing.Keys)
        {
            if (_outgoing.TryRemove(id, out var completion))
                completion.TrySetException(new InvalidOperationException(message));
        }
    }

    private async Task<bool> SendAsync(byte[] message)
    {
        if (_outputFailed) return false;
        try
        {
            await _writer.WriteAsync(message).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or NotSupportedException)
        {
            _outputFailed = true;
            Log(JsonRpcLogLevel.Error, $"Writing to the output failed: {e.Message}", e);
            Stop(JsonRpcEndReason.Failed);
            return false;
        }
    }

    private static void TryCancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Log(JsonRpcLogLevel level, string message, Exception? exception = null) =>
        _options.Log?.Invoke(level, message, exception);
}
