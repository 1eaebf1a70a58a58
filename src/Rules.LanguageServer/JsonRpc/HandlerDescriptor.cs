using System.Reflection;
using System.Text.Json;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>A registered method: its kind, types, scheduling and how to invoke its handler.</summary>
public sealed class HandlerDescriptor
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly Func<object> _factory;
    private readonly Func<object, object?, CancellationToken, Task<object?>> _invoke;

    private HandlerDescriptor(
        string method,
        bool isRequest,
        Type paramsType,
        Type? resultType,
        RequestProcessType processType,
        Type handlerType,
        Func<object> factory,
        Func<object, object?, CancellationToken, Task<object?>> invoke)
    {
        Method = method;
        IsRequest = isRequest;
        ParamsType = paramsType;
        ResultType = resultType;
        ProcessType = processType == RequestProcessType.Default
            ? (isRequest ? RequestProcessType.Parallel : RequestProcessType.Serial)
            : processType;
        HandlerType = handlerType;
        _factory = factory;
        _invoke = invoke;
    }

    public string Method { get; }

    /// <summary>True for a request handler, false for a notification handler.</summary>
    public bool IsRequest { get; }

    public Type ParamsType { get; }

    /// <summary>The result type of a request handler; null for notifications.</summary>
    public Type? ResultType { get; }

    /// <summary>Serial or Parallel (never Default).</summary>
    public RequestProcessType ProcessType { get; }

    public Type HandlerType { get; }

    /// <summary>Reads the params, resolves the handler and runs it; the result of a notification is null.</summary>
    /// <exception cref="JsonRpcException">InvalidParams when the params do not fit <see cref="ParamsType"/>.</exception>
    public async Task<object?> InvokeAsync(JsonElement? parameters, JsonRpcMessageFormatter formatter, CancellationToken cancellationToken)
    {
        var value = ReadParams(parameters, formatter);
        var handler = _factory();
        return await _invoke(handler, value, cancellationToken).ConfigureAwait(false);
    }

    private object? ReadParams(JsonElement? parameters, JsonRpcMessageFormatter formatter)
    {
        if (ParamsType == typeof(NoParams)) return new NoParams();
        if (ParamsType == typeof(JsonElement)) return parameters ?? default;
        if (ParamsType == typeof(JsonElement?)) return parameters;
        try
        {
            // Missing params read as an empty object: fine for all-optional params, InvalidParams otherwise.
            var element = parameters ?? EmptyObject;
            return formatter.Deserialize(element, ParamsType)
                   ?? throw new JsonException("The params are null.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams,
                $"Invalid params for '{Method}': {e.Message}", innerException: e);
        }
    }

    /// <summary>Describes a handler class from the handler interface it implements.</summary>
    /// <exception cref="InvalidOperationException">The type implements no handler interface, or several.</exception>
    public static HandlerDescriptor ForHandlerType(string method, Type handlerType, Func<object> factory, RequestProcessType processType)
    {
        var interfaces = handlerType.GetInterfaces()
            .Where(i => i.IsGenericType
                        && (i.GetGenericTypeDefinition() == typeof(IJsonRpcRequestHandler<,>)
                            || i.GetGenericTypeDefinition() == typeof(IJsonRpcNotificationHandler<>)))
            .ToList();
        if (interfaces.Count != 1)
            throw new InvalidOperationException(
                $"The handler {handlerType.FullName} for '{method}' must implement exactly one of " +
                $"IJsonRpcRequestHandler<TParams, TResult> and IJsonRpcNotificationHandler<TParams>; it implements {interfaces.Count}.");

        var handlerInterface = interfaces[0];
        var arguments = handlerInterface.GetGenericArguments();
        if (handlerInterface.GetGenericTypeDefinition() == typeof(IJsonRpcRequestHandler<,>))
        {
            var invoke = (Func<object, object?, CancellationToken, Task<object?>>)typeof(HandlerDescriptor)
                .GetMethod(nameof(RequestInvoker), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(arguments)
                .Invoke(null, null)!;
            return new HandlerDescriptor(method, true, arguments[0], arguments[1], processType, handlerType, factory, invoke);
        }
        else
        {
            var invoke = (Func<object, object?, CancellationToken, Task<object?>>)typeof(HandlerDescriptor)
                .GetMethod(nameof(NotificationInvoker), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(arguments)
                .Invoke(null, null)!;
            return new HandlerDescriptor(method, false, arguments[0], null, processType, handlerType, factory, invoke);
        }
    }

    private static Func<object, object?, CancellationToken, Task<object?>> RequestInvoker<TParams, TResult>() =>
        async (handler, value, cancellationToken) =>
            await ((IJsonRpcRequestHandler<TParams, TResult>)handler).Handle((TParams)value!, cancellationToken).ConfigureAwait(false);

    private static Func<object, object?, CancellationToken, Task<object?>> NotificationInvoker<TParams>() =>
        async (handler, value, cancellationToken) =>
        {
            await ((IJsonRpcNotificationHandler<TParams>)handler).Handle((TParams)value!, cancellationToken).ConfigureAwait(false);
            return null;
        };
}
