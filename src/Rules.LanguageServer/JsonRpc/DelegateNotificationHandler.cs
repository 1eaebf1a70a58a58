namespace Rules.LanguageServer.JsonRpc;

/// <summary>Adapts a lambda to <see cref="IJsonRpcNotificationHandler{TParams}"/>.</summary>
internal sealed class DelegateNotificationHandler<TParams>(Func<TParams, CancellationToken, Task> handle)
    : IJsonRpcNotificationHandler<TParams>
{
    public Task Handle(TParams notification, CancellationToken cancellationToken) => handle(notification, cancellationToken);
}
