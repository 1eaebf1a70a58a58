using Rules.Core.Text;

namespace Rules.Core.Syntax;

/// <summary>Whitespace, a line break or a comment, attached to a token. A value, not an object: a file has one or two per token.</summary>
public readonly record struct SyntaxTrivia(SyntaxKind Kind, int Position, string Text)
{
    public TextSpan Span => new(Position, Text.Length);
}
