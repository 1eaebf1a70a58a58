using Rules.Core.Text;

namespace Rules.Core.Syntax;

/// <summary>Whitespace, a line break or a comment, attached to a token.</summary>
public sealed record SyntaxTrivia(SyntaxKind Kind, int Position, string Text)
{
    public TextSpan Span => new(Position, Text.Length);
}
