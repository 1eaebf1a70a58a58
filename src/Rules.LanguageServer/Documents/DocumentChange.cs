namespace Rules.LanguageServer.Documents;

/// <summary>
/// What happened to a document. <see cref="Document"/> is the new snapshot (for Closed: the last one).
/// </summary>
public sealed record DocumentChange(DocumentChangeKind Kind, DocumentSnapshot Document)
{
    public string Uri => Document.Uri;
}
