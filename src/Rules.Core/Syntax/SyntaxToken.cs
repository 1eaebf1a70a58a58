using System.Collections.Immutable;
using System.Text;
using Rules.Core.Text;

namespace Rules.Core.Syntax;

/// <summary>
/// A token with its trivia. Leading trivia holds everything before the token since the previous
/// token's trailing trivia; trailing trivia holds the whitespace and comments after it on the same
/// line, up to and including the line break. Every character of a file belongs to exactly one token.
/// A missing token (inserted by error recovery) has no text and no trivia.
/// </summary>
/// <remarks>
/// A value: a place in its file's <see cref="TokenTable"/>, as Roslyn's tokens are. Two tokens are equal when they are
/// the same token of the same file. <c>default</c> is no token.
/// </remarks>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    private readonly TokenTable _table;
    private readonly int _index;

    internal SyntaxToken(TokenTable table, int index)
    {
        _table = table;
        _index = index;
    }

    /// <summary>A token of its own (not read from a file), with the trivia given.</summary>
    public static SyntaxToken Create(
        SyntaxKind kind, int position, string text, ImmutableArray<SyntaxTrivia> leadingTrivia, ImmutableArray<SyntaxTrivia> trailingTrivia) =>
        TokenTable.Single(kind, position, text, leadingTrivia, trailingTrivia, isMissing: false, expected: null);

    /// <summary>A missing token of its own (recovery adds them to the file's table instead).</summary>
    public static SyntaxToken Missing(SyntaxKind kind, int position, string? expected = null) =>
        TokenTable.Single(kind, position, "", [], [], isMissing: true, expected ?? kind.Describe());

    internal TokenTable Table => _table;

    /// <summary>Where the token is in its file's table (the lexer's order; tokens added by recovery come after the end of the file).</summary>
    internal int Index => _index;

    /// <summary>True for <c>default</c>: no token.</summary>
    public bool IsDefault => _table is null;

    public SyntaxKind Kind => _table.KindOf(_index);

    /// <summary>The node that holds this token (set when the node is built).</summary>
    public SyntaxNode? Parent => _table.ParentOf(_index);

    /// <summary>For a missing token: what the author should have written, in words.</summary>
    public string? Expected => _table.ExpectedOf(_index);

    /// <summary>Offset of the token's first character (after its leading trivia).</summary>
    public int Position => _table.EntryAt(_index).Position;

    /// <summary>The token's characters as written (for a quoted text, cut out of the file's text when asked for).</summary>
    public string Text => _table.TextOf(_index);

    /// <summary>The token's characters without making a string of them.</summary>
    public ReadOnlySpan<char> AsSpan() => _table.SpanOf(_index);

    /// <summary>Whitespace, line breaks and comments before the token (worked out from the text each time they are asked for).</summary>
    public ImmutableArray<SyntaxTrivia> LeadingTrivia => _table.LeadingTriviaOf(_index);

    /// <summary>Whitespace and comments after the token on its line, up to and including the line break.</summary>
    public ImmutableArray<SyntaxTrivia> TrailingTrivia => _table.TrailingTriviaOf(_index);

    public bool IsMissing => _table.IsMissing(_index);

    public TextSpan Span
    {
        get
        {
            ref readonly var e = ref _table.EntryAt(_index);
            return new TextSpan(e.Position, e.Length);
        }
    }

    public TextSpan FullSpan
    {
        get
        {
            ref readonly var e = ref _table.EntryAt(_index);
            return TextSpan.FromBounds(e.FullStart, e.FullEnd);
        }
    }

    /// <summary>True when the token is the first thing on its line.</summary>
    public bool StartsLine => _table.StartsLine(_index);

    /// <summary>Whether this is an identifier spelled as the given contextual keyword.</summary>
    public bool IsKeyword(string keyword) => Kind == SyntaxKind.IdentifierToken && AsSpan().SequenceEqual(keyword);

    /// <summary>The value of a string token: quotes removed, escapes resolved, guidance dedented (worked out once).</summary>
    public string ValueText => _table.ValueOf(_index);

    public void WriteTo(StringBuilder builder) => _table.WriteTo(_index, builder);

    public bool Equals(SyntaxToken other) => ReferenceEquals(_table, other._table) && _index == other._index;

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public override int GetHashCode() => _index;

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);

    public override string ToString() => _table is null ? "" : Text;
}
