namespace Rules.LanguageServer.JsonRpc;

/// <summary>Adapts a lambda to <see cref="IJsonRpcRequestHandler{TParams, TResult}"/>.</summary>
internal sealed class DelegateRequestHandler<TParams, TResult>(Func<TParams, CancellationToken, Task<TResult>> handle)
    : IJsonRpcRequestHandler<TParams, TResult>
{
    public Task<TResult> Handle(TParams request, CancellationToken cancellationToken) => handle(request, cancellationToken);
}
