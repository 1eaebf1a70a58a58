namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// Handles one request method. <typeparamref name="TParams"/> is read from the request's params
/// (a mismatch answers InvalidParams); the returned value is the response's result (null is sent as
/// <c>"result": null</c>). Throw <see cref="JsonRpcException"/> to answer with a specific error;
/// an <see cref="OperationCanceledException"/> after cancellation answers RequestCancelled.
/// </summary>
public interface IJsonRpcRequestHandler<in TParams, TResult>
{
    Task<TResult> Handle(TParams request, CancellationToken cancellationToken);
}
