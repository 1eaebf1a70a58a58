namespace Rules.LanguageServer.JsonRpc;

/// <summary>Handles one notification method. Exceptions are logged (a notification has no answer).</summary>
public interface IJsonRpcNotificationHandler<in TParams>
{
    Task Handle(TParams notification, CancellationToken cancellationToken);
}
