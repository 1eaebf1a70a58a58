using System.Collections.Immutable;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Documents;

/// <summary>
/// The documents the client has open, by URI (compared exactly, as the client sends them). Thread-safe;
/// readers get immutable <see cref="DocumentSnapshot"/>s.
/// </summary>
public sealed class DocumentStore
{
    private readonly object _gate = new();
    private ImmutableDictionary<string, DocumentSnapshot> _documents = ImmutableDictionary<string, DocumentSnapshot>.Empty;

    /// <summary>The open documents.</summary>
    public ImmutableArray<DocumentSnapshot> All => [.. Volatile.Read(ref _documents).Values];

    public bool TryGet(string uri, out DocumentSnapshot document) =>
        Volatile.Read(ref _documents).TryGetValue(uri, out document!);

    /// <summary>The open document at <paramref name="uri"/>, or null.</summary>
    public DocumentSnapshot? Get(string uri) => TryGet(uri, out var document) ? document : null;

    /// <summary>Opens (or, if already open, replaces) a document.</summary>
    public DocumentSnapshot Open(TextDocumentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var document = new DocumentSnapshot(item.Uri, item.LanguageId, item.Version, item.Text);
        lock (_gate) _documents = _documents.SetItem(item.Uri, document);
        return document;
    }

    /// <summary>Applies changes in order; null when the document is not open.</summary>
    public DocumentSnapshot? Change(VersionedTextDocumentIdentifier identifier, IEnumerable<TextDocumentContentChangeEvent> changes)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            if (!_documents.TryGetValue(identifier.Uri, out var current)) return null;
            var updated = current.WithChanges(changes, identifier.Version);
            _documents = _documents.SetItem(identifier.Uri, updated);
            return updated;
        }
    }

    /// <summary>Closes a document; returns its last snapshot, or null when it was not open.</summary>
    public DocumentSnapshot? Close(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        lock (_gate)
        {
            if (!_documents.TryGetValue(uri, out var current)) return null;
            _documents = _documents.Remove(uri);
            return current;
        }
    }
}
