using Microsoft.Extensions.Logging;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Documents;

[Method(LspMethods.DidOpen)]
public sealed class DidOpenTextDocumentHandler(
    DocumentStore documents,
    DocumentChangeNotifier notifier,
    ILogger<DidOpenTextDocumentHandler> logger) : IJsonRpcNotificationHandler<DidOpenTextDocumentParams>
{
    public Task Handle(DidOpenTextDocumentParams notification, CancellationToken cancellationToken)
    {
        if (documents.TryGet(notification.TextDocument.Uri, out _))
            logger.LogWarning("{Uri} was opened again while open; its text is replaced.", notification.TextDocument.Uri);
        var document = documents.Open(notification.TextDocument);
        logger.LogDebug("Opened {Document}.", document);
        return notifier.NotifyAsync(new DocumentChange(DocumentChangeKind.Opened, document), cancellationToken);
    }
}
