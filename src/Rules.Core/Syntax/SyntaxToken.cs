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
public sealed class SyntaxToken : SyntaxElement
{
    // Where the token's leading trivia start and its trailing trivia end.
    private readonly int _fullStart;
    private readonly int _fullEnd;

    // The trivia themselves: for a token of a parsed file, the file's text (the trivia are split out of
    // text[_fullStart..Position] and text[end of token.._fullEnd] when asked for, so a parsed file keeps no
    // trivia objects); for a token built with explicit trivia or an expectation, an ExplicitParts; null
    // for a token without trivia.
    private readonly object? _parts;

    public SyntaxToken(
        SyntaxKind kind,
        int position,
        string text,
        ImmutableArray<SyntaxTrivia> leadingTrivia,
        ImmutableArray<SyntaxTrivia> trailingTrivia,
        bool isMissing = false)
    {
        _flags = (ushort)((int)kind | (isMissing ? MissingFlag : 0));
        Position = position;
        _text = text;
        _fullStart = leadingTrivia.IsDefaultOrEmpty ? position : leadingTrivia[0].Position;
        _fullEnd = trailingTrivia.IsDefaultOrEmpty ? position + text.Length : trailingTrivia[^1].Span.End;
        if (!leadingTrivia.IsDefaultOrEmpty || !trailingTrivia.IsDefaultOrEmpty)
            _parts = new ExplicitParts(leadingTrivia.IsDefault ? [] : leadingTrivia, trailingTrivia.IsDefault ? [] : trailingTrivia, null);
    }

    /// <summary>
    /// A token of a parsed file: its text is <c>source[position..position + length]</c> (given, or cut out of the
    /// source each time it is asked for when <paramref name="text"/> is null: quoted text, which the binder reads
    /// through <see cref="ValueText"/>), and its trivia are <c>source[fullStart..position]</c> and
    /// <c>source[position + length..fullEnd]</c>.
    /// </summary>
    internal SyntaxToken(SyntaxKind kind, int position, int length, string? text, string source, int fullStart, int fullEnd, bool startsLine)
    {
        _flags = (ushort)((int)kind | (startsLine ? StartsLineFlag : 0));
        Position = position;
        _fullStart = fullStart;
        _fullEnd = fullEnd;
        if (fullStart != position || fullEnd != position + length) _parts = source;
        var trailing = fullEnd - position - length;
        if (text is null && _parts is not null && trailing <= ushort.MaxValue)
            _trailingLength = (ushort)trailing; // the text stays in the source
        else
            _text = text ?? source.Substring(position, length);
    }

    public static SyntaxToken Missing(SyntaxKind kind, int position, string? expected = null) =>
        new(kind, position, "", ImmutableArray<SyntaxTrivia>.Empty, ImmutableArray<SyntaxTrivia>.Empty, isMissing: true)
        {
            Expected = expected ?? kind.Describe(),
        };

    /// <summary>For a missing token: what the author should have written, in words.</summary>
    public string? Expected
    {
        get => (_parts as ExplicitParts)?.Expected;
        init
        {
            var leading = LeadingTrivia;
            var trailing = TrailingTrivia;
            _text ??= Text; // the text may be cut out of the source, which _parts is about to stop holding
            _parts = new ExplicitParts(leading, trailing, value);
        }
    }

    // A token is kept for every word of a file, so its fields are packed: the kind and two flags in two bytes,
    // and, for a token whose text is not kept (_text null), the length of its trailing trivia, which gives its own.
    private const int KindMask = 0x3FFF;
    private const int MissingFlag = 0x4000;
    private const int StartsLineFlag = 0x8000;
    private ushort _flags;
    private readonly ushort _trailingLength;
    private readonly string? _text;

    public override SyntaxKind Kind => (SyntaxKind)(_flags & KindMask);

    /// <summary>Offset of the token's first character (after its leading trivia).</summary>
    public int Position { get; }

    /// <summary>The token's characters as written (for a quoted text of a parsed file, cut out of the file's text when asked for).</summary>
    public string Text => _text ?? ((string)_parts!).Substring(Position, TextLength);

    /// <summary>The token's characters without making a string of them (for a quoted text of a parsed file, <see cref="Text"/> cuts one out of the file's text each time).</summary>
    public ReadOnlySpan<char> AsSpan() => _text is null ? ((string)_parts!).AsSpan(Position, TextLength) : _text.AsSpan();

    private int TextLength => _text?.Length ?? _fullEnd - _trailingLength - Position;

    /// <summary>Whitespace, line breaks and comments before the token (worked out from the text each time they are asked for).</summary>
    public ImmutableArray<SyntaxTrivia> LeadingTrivia => _parts switch
    {
        string source => TriviaScanner.Split(source, _fullStart, Position),
        ExplicitParts parts => parts.Leading,
        _ => ImmutableArray<SyntaxTrivia>.Empty,
    };

    /// <summary>Whitespace and comments after the token on its line, up to and including the line break.</summary>
    public ImmutableArray<SyntaxTrivia> TrailingTrivia => _parts switch
    {
        string source => TriviaScanner.Split(source, Position + TextLength, _fullEnd),
        ExplicitParts parts => parts.Trailing,
        _ => ImmutableArray<SyntaxTrivia>.Empty,
    };

    public bool IsMissing => (_flags & MissingFlag) != 0;

    public override TextSpan Span => new(Position, TextLength);

    public override TextSpan FullSpan => TextSpan.FromBounds(_fullStart, _fullEnd);

    /// <summary>True when the token is the first thing on its line.</summary>
    public bool StartsLine
    {
        get => (_flags & StartsLineFlag) != 0;
        internal set => _flags = (ushort)(value ? _flags | StartsLineFlag : _flags & ~StartsLineFlag);
    }

    /// <summary>Whether this is an identifier spelled as the given contextual keyword.</summary>
    public bool IsKeyword(string keyword) => Kind == SyntaxKind.IdentifierToken && Text == keyword;

    private string? _valueText;

    /// <summary>The value of a string token: quotes removed, escapes resolved, guidance dedented.</summary>
    /// <remarks>Worked out once: the binder, the lint rules and the language server all ask for it.
    /// (A benign race: two threads may both compute the same string.)</remarks>
    public string ValueText => _valueText ??= Kind switch
    {
        SyntaxKind.StringToken => StringValues.Single(AsSpan()),
        SyntaxKind.MultiLineStringToken => StringValues.Multi(Text),
        _ => Text,
    };

    public override void WriteTo(StringBuilder builder)
    {
        if (_parts is string source)
        {
            builder.Append(source, _fullStart, _fullEnd - _fullStart);
            return;
        }
        foreach (var t in LeadingTrivia) builder.Append(t.Text);
        builder.Append(Text);
        foreach (var t in TrailingTrivia) builder.Append(t.Text);
    }

    /// <summary>Trivia given explicitly (not split out of a file's text), and what a missing token stands for.</summary>
    private sealed record ExplicitParts(ImmutableArray<SyntaxTrivia> Leading, ImmutableArray<SyntaxTrivia> Trailing, string? Expected);

    public override string ToString() => Text;
}
