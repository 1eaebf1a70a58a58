using Microsoft.Extensions.Logging;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Documents;

[Method(LspMethods.DidChange)]
public sealed class DidChangeTextDocumentHandler(
    DocumentStore documents,
    DocumentChangeNotifier notifier,
    ILogger<DidChangeTextDocumentHandler> logger) : IJsonRpcNotificationHandler<DidChangeTextDocumentParams>
{
    public Task Handle(DidChangeTextDocumentParams notification, CancellationToken cancellationToken)
    {
        var identifier = notification.TextDocument;
        if (!documents.TryGet(identifier.Uri, out var previous))
        {
            logger.LogWarning("Ignored a change to {Uri}, which is not open (didChange before didOpen, or after didClose).", identifier.Uri);
            return Task.CompletedTask;
        }

        if (identifier.Version <= previous.Version)
            logger.LogWarning("{Uri} changed to version {Version}, not after its version {Previous}; applying the change anyway.",
                identifier.Uri, identifier.Version, previous.Version);
        foreach (var change in notification.ContentChanges)
        {
            if (change.Range is { } range && (!previous.Lines.IsValid(range.Start) || !previous.Lines.IsValid(range.End)))
                logger.LogDebug("A change to {Uri} has a range {Range} outside the text; it is clamped.", identifier.Uri, range);
        }

        var document = documents.Change(identifier, notification.ContentChanges);
        if (document is null) return Task.CompletedTask;
        return notifier.NotifyAsync(new DocumentChange(DocumentChangeKind.Changed, document), cancellationToken);
    }
}
