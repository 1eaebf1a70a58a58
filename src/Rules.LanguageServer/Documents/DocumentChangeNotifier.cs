using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rules.LanguageServer.Documents;

/// <summary>Tells every <see cref="IDocumentChangeListener"/> about a change; one failing listener does not stop the others.</summary>
public sealed class DocumentChangeNotifier(IServiceProvider services, ILogger<DocumentChangeNotifier> logger)
{
    public async Task NotifyAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        foreach (var listener in services.GetServices<IDocumentChangeListener>())
        {
            try
            {
                await listener.OnDocumentChangedAsync(change, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Listener} failed on {Kind} {Uri}.", listener.GetType().Name, change.Kind, change.Uri);
            }
        }
    }
}
