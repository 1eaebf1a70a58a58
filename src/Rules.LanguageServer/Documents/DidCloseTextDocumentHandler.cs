using Microsoft.Extensions.Logging;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Documents;

[Method(LspMethods.DidClose)]
public sealed class DidCloseTextDocumentHandler(
    DocumentStore documents,
    DocumentChangeNotifier notifier,
    ILogger<DidCloseTextDocumentHandler> logger) : IJsonRpcNotificationHandler<DidCloseTextDocumentParams>
{
    public Task Handle(DidCloseTextDocumentParams notification, CancellationToken cancellationToken)
    {
        var document = documents.Close(notification.TextDocument.Uri);
        if (document is null)
        {
            logger.LogWarning("Ignored closing {Uri}, which is not open.", notification.TextDocument.Uri);
            return Task.CompletedTask;
        }

        logger.LogDebug("Closed {Uri}.", document.Uri);
        return notifier.NotifyAsync(new DocumentChange(DocumentChangeKind.Closed, document), cancellationToken);
    }
}
