using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Documents;

/// <summary>An open document at one version. Immutable: a change makes a new snapshot.</summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<LineIndex> _lines;

    public DocumentSnapshot(string uri, string languageId, int version, string text)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(languageId);
        ArgumentNullException.ThrowIfNull(text);
        Uri = uri;
        LanguageId = languageId;
        Version = version;
        Text = text;
        _lines = new Lazy<LineIndex>(() => new LineIndex(text), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Uri { get; }

    public string LanguageId { get; }

    public int Version { get; }

    public string Text { get; }

    public LineIndex Lines => _lines.Value;

    public int GetOffset(Position position) => Lines.GetOffset(position);

    public Position GetPosition(int offset) => Lines.GetPosition(offset);

    public Range GetRange(int startOffset, int endOffset) => Lines.GetRange(startOffset, endOffset);

    public TextDocumentIdentifier Identifier => new(Uri);

    public VersionedTextDocumentIdentifier VersionedIdentifier => new(Uri, Version);

    /// <summary>The snapshot after applying <paramref name="changes"/> in order, at <paramref name="newVersion"/>.</summary>
    public DocumentSnapshot WithChanges(IEnumerable<TextDocumentContentChangeEvent> changes, int newVersion)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var text = Text;
        LineIndex? lines = Lines;
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = change.Text;
            }
            else
            {
                lines ??= new LineIndex(text);
                var (start, end) = lines.GetOffsets(change.Range);
                text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
            }
            lines = null;
        }
        return new DocumentSnapshot(Uri, LanguageId, newVersion, text);
    }

    public override string ToString() => $"{Uri} (version {Version})";
}
