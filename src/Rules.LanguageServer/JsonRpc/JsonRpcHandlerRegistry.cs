using System.Reflection;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// The methods a connection answers, one handler per method. Handlers are classes implementing
/// <see cref="IJsonRpcRequestHandler{TParams, TResult}"/> or <see cref="IJsonRpcNotificationHandler{TParams}"/>,
/// named by <see cref="MethodAttribute"/> (or explicitly), or lambdas. Register everything before the
/// connection runs; lookups are thread-safe afterwards.
/// </summary>
public sealed class JsonRpcHandlerRegistry
{
    private readonly Dictionary<string, HandlerDescriptor> _handlers = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Methods => _handlers.Keys;

    public IEnumerable<HandlerDescriptor> Handlers => _handlers.Values;

    /// <summary>Registers a handler instance; the method comes from its <see cref="MethodAttribute"/>.</summary>
    public JsonRpcHandlerRegistry Add(object handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(handler.GetType(), () => handler);
    }

    /// <summary>Registers a handler instance under <paramref name="method"/>.</summary>
    public JsonRpcHandlerRegistry Add(string method, object handler, RequestProcessType processType = RequestProcessType.Default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(handler.GetType(), () => handler, method, processType);
    }

    /// <summary>
    /// Registers a handler type resolved by <paramref name="factory"/> for every message (e.g. from a DI container).
    /// The method defaults to the type's <see cref="MethodAttribute"/>; the process type to the attribute's.
    /// </summary>
    public JsonRpcHandlerRegistry Add(Type handlerType, Func<object> factory, string? method = null, RequestProcessType? processType = null)
    {
        ArgumentNullException.ThrowIfNull(handlerType);
        ArgumentNullException.ThrowIfNull(factory);
        var attribute = handlerType.GetCustomAttribute<MethodAttribute>();
        var name = method ?? attribute?.Name
            ?? throw new InvalidOperationException(
                $"The handler {handlerType.FullName} has no [Method(\"...\")] attribute and no method name was given.");
        var type = processType ?? attribute?.ProcessType ?? RequestProcessType.Default;
        return Add(HandlerDescriptor.ForHandlerType(name, handlerType, factory, type));
    }

    public JsonRpcHandlerRegistry OnRequest<TParams, TResult>(
        string method,
        Func<TParams, CancellationToken, Task<TResult>> handle,
        RequestProcessType processType = RequestProcessType.Default)
    {
        var handler = new DelegateRequestHandler<TParams, TResult>(handle);
        return Add(HandlerDescriptor.ForHandlerType(method, handler.GetType(), () => handler, processType));
    }

    public JsonRpcHandlerRegistry OnNotification<TParams>(
        string method,
        Func<TParams, CancellationToken, Task> handle,
        RequestProcessType processType = RequestProcessType.Default)
    {
        var handler = new DelegateNotificationHandler<TParams>(handle);
        return Add(HandlerDescriptor.ForHandlerType(method, handler.GetType(), () => handler, processType));
    }

    public bool TryGet(string method, out HandlerDescriptor descriptor) =>
        _handlers.TryGetValue(method, out descriptor!);

    private JsonRpcHandlerRegistry Add(HandlerDescriptor descriptor)
    {
        if (!_handlers.TryAdd(descriptor.Method, descriptor))
            throw new InvalidOperationException(
                $"The method '{descriptor.Method}' already has a handler ({_handlers[descriptor.Method].HandlerType.FullName}); " +
                $"cannot also register {descriptor.HandlerType.FullName}.");
        return this;
    }
}
