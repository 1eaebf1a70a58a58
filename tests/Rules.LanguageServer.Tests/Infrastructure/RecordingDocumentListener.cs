using System.Collections.Concurrent;
using Rules.LanguageServer.Documents;

namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>Records every document change it is told about.</summary>
public sealed class RecordingDocumentListener : IDocumentChangeListener
{
    public ConcurrentQueue<DocumentChange> Changes { get; } = new();

    public Task OnDocumentChangedAsync(DocumentChange change, CancellationToken cancellationToken)
    {
        Changes.Enqueue(change);
        return Task.CompletedTask;
    }
}
