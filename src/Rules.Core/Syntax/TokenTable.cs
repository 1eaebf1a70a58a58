using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Rules.Core.Syntax;

/// <summary>
/// The tokens of one file, stored as values: one array of fixed-size entries (kind, flags, where the token and its
/// trivia are, which text it has), the distinct texts once each, and each token's parent node. A
/// <see cref="SyntaxToken"/> is a (table, index) pair over it.
/// </summary>
/// <remarks>
/// Why values: a check keeps every tree to the end, and a token object per word (four in ten of the objects a
/// check keeps) was what the collector had to copy when a large check was collected while it ran. A file's entries
/// are one array without references, which the collector neither walks nor (large, in the large-object heap)
/// copies.
/// </remarks>
internal sealed class TokenTable
{
    private const ushort MissingFlag = 1;
    private const ushort StartsLineFlag = 2;
    private const ushort ExplicitFlag = 4;

    /// <summary>A token's place and text. No references: see the class's remarks.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Entry
    {
        public int Position;
        public int Length;
        public int FullStart;
        public int FullEnd;
        public int TextId; // into _texts; -1 - n: the n-th token whose text is source[Position..Position + Length] (quoted text)
        public ushort Kind;
        public ushort Flags;
    }

    /// <summary>Trivia given explicitly (not split out of a file's text), and what a missing token stands for.</summary>
    private sealed record ExplicitParts(ImmutableArray<SyntaxTrivia> Leading, ImmutableArray<SyntaxTrivia> Trailing, string? Expected);

    private Entry[] _entries;

    // Each token's parent, found by walking the tree from its root the first time one is asked for: a check never
    // asks (the parser only when it has a misspelt keyword to report; the formatter and the language server do), so
    // a check neither fills nor keeps a reference per token. In chunks small enough to be born young: one array of
    // references as large as the file would be a large object (old from the start), and the collector would then
    // keep every node it points to alive, with the tree of each, in every young collection until a full one, long
    // after the tree was dropped.
    private const int ChunkBits = 10;
    private SyntaxNode?[]?[]? _parents;
    private CompilationUnitSyntax? _root;
    private readonly string[] _texts;
    private Dictionary<int, ExplicitParts>? _explicit;
    private string?[]? _values;
    private readonly int _quotedCount;

    private TokenTable(string source, Entry[] entries, int count, string[] texts, int quotedCount = 0)
    {
        _quotedCount = quotedCount;
        Source = source;
        _entries = entries;
        Count = count;
        _texts = texts;
    }

    /// <summary>The file's text (empty for a token made on its own).</summary>
    public string Source { get; }

    /// <summary>How many tokens the lexer read (the last is the end of the file); tokens added later for recovery come after.</summary>
    public int Count { get; }

    /// <summary>Every token, those added for recovery included.</summary>
    private int TotalCount { get; set; }

    public SyntaxToken this[int index] => new(this, index);

    internal ref readonly Entry EntryAt(int index) => ref _entries[index];

    public SyntaxKind KindOf(int index) => (SyntaxKind)_entries[index].Kind;

    /// <summary>The node whose part the token is, or null for a token in no tree (made on its own, or by an
    /// alternative the parser gave up).</summary>
    public SyntaxNode? ParentOf(int index)
    {
        var parents = _parents ?? FindParents();
        if (parents is null) return null;
        var chunk = index >> ChunkBits;
        return chunk < parents.Length ? parents[chunk]?[index & ((1 << ChunkBits) - 1)] : null;
    }

    /// <summary>The file's root, once it is built: where the walk for parents starts.</summary>
    internal void SetRoot(CompilationUnitSyntax root) => _root = root;

    /// <summary>Every token's parent, by one walk over the tree; null before the root is built. Threads that ask at
    /// once may each walk; the first to finish is kept (the results are the same).</summary>
    private SyntaxNode?[]?[]? FindParents()
    {
        if (_root is not { } root) return null;
        var parents = new SyntaxNode?[]?[(TotalCount >> ChunkBits) + 1];
        foreach (var node in root.DescendantNodesAndSelf())
            foreach (var child in node.Children)
            {
                if (!child.TryGetToken(out var token) || !ReferenceEquals(token.Table, this) || token.Index >= TotalCount) continue;
                (parents[token.Index >> ChunkBits] ??= new SyntaxNode?[1 << ChunkBits])[token.Index & ((1 << ChunkBits) - 1)] = node;
            }
        return Interlocked.CompareExchange(ref _parents, parents, null) ?? parents;
    }

    public bool IsMissing(int index) => (_entries[index].Flags & MissingFlag) != 0;

    public bool StartsLine(int index) => (_entries[index].Flags & StartsLineFlag) != 0;

    public string TextOf(int index)
    {
        ref readonly var e = ref _entries[index];
        return e.TextId >= 0 ? _texts[e.TextId] : Source.Substring(e.Position, e.Length);
    }

    public ReadOnlySpan<char> SpanOf(int index)
    {
        ref readonly var e = ref _entries[index];
        return e.TextId >= 0 ? _texts[e.TextId].AsSpan() : Source.AsSpan(e.Position, e.Length);
    }

    public string? ExpectedOf(int index) =>
        (_entries[index].Flags & ExplicitFlag) != 0 ? _explicit![index].Expected : null;

    public ImmutableArray<SyntaxTrivia> LeadingTriviaOf(int index)
    {
        ref readonly var e = ref _entries[index];
        if ((e.Flags & ExplicitFlag) != 0) return _explicit![index].Leading;
        return e.FullStart == e.Position ? ImmutableArray<SyntaxTrivia>.Empty : TriviaScanner.Split(Source, e.FullStart, e.Position);
    }

    public ImmutableArray<SyntaxTrivia> TrailingTriviaOf(int index)
    {
        ref readonly var e = ref _entries[index];
        if ((e.Flags & ExplicitFlag) != 0) return _explicit![index].Trailing;
        var end = e.Position + e.Length;
        return e.FullEnd == end ? ImmutableArray<SyntaxTrivia>.Empty : TriviaScanner.Split(Source, end, e.FullEnd);
    }

    /// <summary>The value of a quoted token (worked out once: the binder, the lint rules and the language server all ask).</summary>
    /// <remarks>A benign race: two threads may both compute the same string.</remarks>
    public string ValueOf(int index)
    {
        var kind = KindOf(index);
        if (kind is not (SyntaxKind.StringToken or SyntaxKind.MultiLineStringToken)) return TextOf(index);
        // Kept for the file's own quoted tokens, by their number among them (a slot per quoted token, not per token:
        // an array as long as the file's tokens was a large object made by every check that read one title).
        ref readonly var e = ref _entries[index];
        if ((e.Flags & ExplicitFlag) != 0 || e.TextId >= 0) return Compute(kind, index); // made on its own or by recovery
        var values = _values ?? Interlocked.CompareExchange(ref _values, new string?[_quotedCount], null) ?? _values;
        var slot = -1 - e.TextId;
        return slot < values.Length ? values[slot] ??= Compute(kind, index) : Compute(kind, index);
    }

    private string Compute(SyntaxKind kind, int index) =>
        kind == SyntaxKind.StringToken ? StringValues.Single(SpanOf(index)) : StringValues.Multi(TextOf(index));

    public void WriteTo(int index, System.Text.StringBuilder builder)
    {
        ref readonly var e = ref _entries[index];
        if ((e.Flags & ExplicitFlag) == 0)
        {
            if (e.TextId < 0 || e.FullStart != e.Position || e.FullEnd != e.Position + e.Length)
                builder.Append(Source, e.FullStart, e.FullEnd - e.FullStart);
            else
                builder.Append(_texts[e.TextId]);
            return;
        }
        var parts = _explicit![index];
        foreach (var t in parts.Leading) builder.Append(t.Text);
        builder.Append(TextOf(index));
        foreach (var t in parts.Trailing) builder.Append(t.Text);
    }

    /// <summary>A missing token standing in for one the author left out (recovery): added after the file's tokens.</summary>
    public SyntaxToken AddMissing(SyntaxKind kind, int position, string? expected)
    {
        var index = Add(new Entry { Position = position, FullStart = position, FullEnd = position, TextId = -1, Kind = (ushort)kind, Flags = MissingFlag | ExplicitFlag });
        (_explicit ??= [])[index] = new ExplicitParts([], [], expected ?? kind.Describe());
        return new SyntaxToken(this, index);
    }

    private int Add(Entry entry)
    {
        if (TotalCount == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _entries.Length + _entries.Length / 4));
        }
        _entries[TotalCount] = entry;
        return TotalCount++;
    }

    /// <summary>A token of its own (not read from a file), with its trivia given.</summary>
    public static SyntaxToken Single(SyntaxKind kind, int position, string text, ImmutableArray<SyntaxTrivia> leading, ImmutableArray<SyntaxTrivia> trailing, bool isMissing, string? expected)
    {
        leading = leading.IsDefault ? [] : leading;
        trailing = trailing.IsDefault ? [] : trailing;
        var entry = new Entry
        {
            Position = position,
            Length = text.Length,
            FullStart = leading.IsEmpty ? position : leading[0].Position,
            FullEnd = trailing.IsEmpty ? position + text.Length : trailing[^1].Span.End,
            TextId = 0,
            Kind = (ushort)kind,
            Flags = (ushort)(ExplicitFlag | (isMissing ? MissingFlag : 0)),
        };
        var table = new TokenTable("", [entry], 1, [text]) { TotalCount = 1 };
        table._explicit = new Dictionary<int, ExplicitParts> { [0] = new ExplicitParts(leading, trailing, expected) };
        return new SyntaxToken(table, 0);
    }

    /// <summary>Gathers a file's tokens as the lexer reads them (in a pooled buffer), then makes the table.</summary>
    internal struct Builder
    {
        private readonly string _source;
        private Entry[] _items;
        private int _count;
        // Texts repeat (keywords, answer sets, options, punctuation): each distinct spelling is kept once per file.
        private readonly List<string> _texts;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;
        private int _quoted;

        /// <param name="source">The file's text.</param>
        /// <param name="capacity">About how many tokens the file has.</param>
        /// <param name="textIds">An empty table to number the texts in, lent by an earlier parse (see
        /// <see cref="Parsing.ParseBuffers"/>); a new one when null.</param>
        public Builder(string source, int capacity, Dictionary<string, int>? textIds = null)
        {
            _source = source;
            _items = ArrayPool<Entry>.Shared.Rent(Math.Max(16, capacity));
            // Sized for the file up front (about one distinct name or code per 100 characters in real frameworks).
            var distinct = Math.Min(1 << 16, source.Length / 100 + 32);
            _texts = new List<string>(distinct);
            textIds ??= new Dictionary<string, int>(distinct, StringComparer.Ordinal);
            textIds.EnsureCapacity(distinct);
            _ids = textIds.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>The number of a token's text (what <see cref="Add"/> takes), the text kept once however often it is written.</summary>
        public readonly int TextId(ReadOnlySpan<char> text)
        {
            if (_ids.TryGetValue(text, out var id)) return id;
            var kept = text.ToString();
            _texts.Add(kept);
            _ids.Dictionary.Add(kept, _texts.Count - 1);
            return _texts.Count - 1;
        }

        /// <param name="textId">From <see cref="TextId"/>, or -1 for a token whose text is left in the source.</param>
        public void Add(SyntaxKind kind, int position, int length, int textId, int fullStart, int fullEnd, bool startsLine)
        {
            if (textId < 0) textId = -1 - _quoted++; // numbered among such tokens (see ValueOf)
            if (_count == _items.Length)
            {
                var larger = ArrayPool<Entry>.Shared.Rent(_items.Length * 2);
                Array.Copy(_items, larger, _count);
                ArrayPool<Entry>.Shared.Return(_items);
                _items = larger;
            }
            _items[_count++] = new Entry
            {
                Position = position, Length = length, FullStart = fullStart, FullEnd = fullEnd, TextId = textId,
                Kind = (ushort)kind, Flags = startsLine ? StartsLineFlag : (ushort)0,
            };
        }

        /// <summary>The table, in an array of the exact size (the pooled buffer goes back to the pool).</summary>
        public TokenTable ToTable()
        {
            var entries = GC.AllocateUninitializedArray<Entry>(_count);
            Array.Copy(_items, entries, _count);
            ArrayPool<Entry>.Shared.Return(_items);
            _items = [];
            return new TokenTable(_source, entries, _count, [.. _texts], _quoted) { TotalCount = _count };
        }
    }
}
