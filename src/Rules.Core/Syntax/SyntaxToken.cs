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
    public SyntaxToken(
        SyntaxKind kind,
        int position,
        string text,
        ImmutableArray<SyntaxTrivia> leadingTrivia,
        ImmutableArray<SyntaxTrivia> trailingTrivia,
        bool isMissing = false)
    {
        Kind = kind;
        Position = position;
        Text = text;
        LeadingTrivia = leadingTrivia;
        TrailingTrivia = trailingTrivia;
        IsMissing = isMissing;
    }

    public static SyntaxToken Missing(SyntaxKind kind, int position, string? expected = null) =>
        new(kind, position, "", ImmutableArray<SyntaxTrivia>.Empty, ImmutableArray<SyntaxTrivia>.Empty, isMissing: true)
        {
            Expected = expected ?? kind.Describe(),
        };

    /// <summary>For a missing token: what the author should have written, in words.</summary>
    public string? Expected { get; init; }

    public override SyntaxKind Kind { get; }

    /// <summary>Offset of the token's first character (after its leading trivia).</summary>
    public int Position { get; }

    public string Text { get; }

    public ImmutableArray<SyntaxTrivia> LeadingTrivia { get; }

    public ImmutableArray<SyntaxTrivia> TrailingTrivia { get; }

    public bool IsMissing { get; }

    public override TextSpan Span => new(Position, Text.Length);

    public override TextSpan FullSpan
    {
        get
        {
            var start = LeadingTrivia.IsDefaultOrEmpty ? Position : LeadingTrivia[0].Position;
            var end = TrailingTrivia.IsDefaultOrEmpty ? Position + Text.Length : TrailingTrivia[^1].Span.End;
            return TextSpan.FromBounds(start, end);
        }
    }

    /// <summary>True when the token is the first thing on its line.</summary>
    public bool StartsLine { get; internal set; }

    /// <summary>Whether this is an identifier spelled as the given contextual keyword.</summary>
    public bool IsKeyword(string keyword) => Kind == SyntaxKind.IdentifierToken && Text == keyword;

    private string? _valueText;

    /// <summary>The value of a string token: quotes removed, escapes resolved, guidance dedented.</summary>
    /// <remarks>Worked out once: the binder, the lint rules and the language server all ask for it.
    /// (A benign race: two threads may both compute the same string.)</remarks>
    public string ValueText => _valueText ??= Kind switch
    {
        SyntaxKind.StringToken => StringValues.Single(Text),
        SyntaxKind.MultiLineStringToken => StringValues.Multi(Text),
        _ => Text,
    };

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var t in LeadingTrivia) builder.Append(t.Text);
        builder.Append(Text);
        foreach (var t in TrailingTrivia) builder.Append(t.Text);
    }

    public override string ToString() => Text;
}
