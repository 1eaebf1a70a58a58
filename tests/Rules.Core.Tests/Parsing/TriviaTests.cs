using System.Collections.Immutable;
using System.Text;
using Rules.Core.Syntax;

namespace Rules.Core.Tests.Parsing;

/// <summary>
/// Tokens of a parsed file keep only where their trivia start and end, and split the trivia out of the text
/// when asked: the pieces, their kinds and positions, and the round trip must be exactly what the text holds.
/// </summary>
public class TriviaTests
{
    private static ImmutableArray<SyntaxToken> TokensOf(string text)
    {
        var tree = SyntaxTree.Parse(text, "t.rules");
        Assert.Equal(text, tree.Root.ToString());
        return [.. tree.Root.Tokens()];
    }

    private static string Describe(ImmutableArray<SyntaxTrivia> trivia) =>
        string.Join(" ", trivia.Select(t => $"{t.Kind}@{t.Position}'{t.Text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t")}'"));

    [Fact]
    public void LeadingAndTrailingTriviaAreSplitIntoTheirPieces()
    {
        var text = "// head\r\n\tanswers /* a */ YesNo { // tail\n  yes \"Yes\"\n}\n";
        var tokens = TokensOf(text);

        var answers = tokens[0];
        Assert.Equal("answers", answers.Text);
        Assert.Equal("LineCommentTrivia@0'// head' EndOfLineTrivia@7'\\r\\n' WhitespaceTrivia@9'\\t'", Describe(answers.LeadingTrivia));
        Assert.Equal("WhitespaceTrivia@17' ' BlockCommentTrivia@18'/* a */' WhitespaceTrivia@25' '", Describe(answers.TrailingTrivia));

        var open = tokens[2];
        Assert.Equal("{", open.Text);
        Assert.Empty(open.LeadingTrivia);
        Assert.Equal("WhitespaceTrivia@33' ' LineCommentTrivia@34'// tail' EndOfLineTrivia@41'\\n'", Describe(open.TrailingTrivia));
        Assert.True(tokens[3].StartsLine);
        Assert.Equal("WhitespaceTrivia@42'  '", Describe(tokens[3].LeadingTrivia));
    }

    [Fact]
    public void FullSpansCoverTheFileWithoutGapsOrOverlaps()
    {
        var text = "\uFEFFframework \"F\" {\r\n  version \"1\" /* multi\nline */ scale Rating\n}\n/* unterminated";
        var tokens = TokensOf(text);
        var position = 0;
        foreach (var token in tokens)
        {
            Assert.Equal(position, token.FullSpan.Start);
            var rebuilt = new StringBuilder();
            foreach (var t in token.LeadingTrivia) rebuilt.Append(t.Text);
            rebuilt.Append(token.Text);
            foreach (var t in token.TrailingTrivia) rebuilt.Append(t.Text);
            Assert.Equal(text[token.FullSpan.Start..token.FullSpan.End], rebuilt.ToString());
            position = token.FullSpan.End;
        }
        Assert.Equal(text.Length, position);
        Assert.Equal(SyntaxKind.BlockCommentTrivia, tokens[^1].LeadingTrivia[^1].Kind); // the unterminated comment runs to the end
    }

    [Fact]
    public void ABlockCommentSpanningLinesEndsTheTrailingTrivia()
    {
        var text = "check \"m\" when x /* a\nb */ == 1\n";
        var tokens = TokensOf(text);
        var x = tokens.First(t => t.Text == "x");
        Assert.Equal("WhitespaceTrivia@16' ' BlockCommentTrivia@17'/* a\\nb */'", Describe(x.TrailingTrivia));
        var equals = tokens.First(t => t.Kind == SyntaxKind.EqualsEqualsToken);
        Assert.Equal("WhitespaceTrivia@26' '", Describe(equals.LeadingTrivia));
        Assert.False(equals.StartsLine);
    }

    [Fact]
    public void TokensBuiltWithExplicitTriviaKeepThem()
    {
        var leading = ImmutableArray.Create(new SyntaxTrivia(SyntaxKind.WhitespaceTrivia, 0, "  "));
        var trailing = ImmutableArray.Create(new SyntaxTrivia(SyntaxKind.EndOfLineTrivia, 5, "\n"));
        var token = SyntaxToken.Create(SyntaxKind.IdentifierToken, 2, "abc", leading, trailing);
        Assert.Equal(leading, token.LeadingTrivia);
        Assert.Equal(trailing, token.TrailingTrivia);
        Assert.Equal(new Rules.Core.Text.TextSpan(0, 6), token.FullSpan);
        var builder = new StringBuilder();
        token.WriteTo(builder);
        Assert.Equal("  abc\n", builder.ToString());

        var missing = SyntaxToken.Missing(SyntaxKind.ColonToken, 7, "':'");
        Assert.Equal("':'", missing.Expected);
        Assert.Empty(missing.LeadingTrivia);
        Assert.Empty(missing.TrailingTrivia);
        Assert.Equal(new Rules.Core.Text.TextSpan(7, 0), missing.FullSpan);
    }

    [Fact]
    public void QuotedTextIsCutFromTheSourceWhenAskedFor()
    {
        var text = "answers A {\n  yes \"Y\\\"es\" positive\n}\n\"tail\"";
        var tokens = TokensOf(text);
        var quoted = tokens.First(t => t.Kind == SyntaxKind.StringToken);
        Assert.Equal("\"Y\\\"es\"", quoted.Text);
        Assert.Equal(new Rules.Core.Text.TextSpan(text.IndexOf('"'), quoted.Text.Length), quoted.Span);
        Assert.Equal("Y\"es", quoted.ValueText);
        Assert.Equal(quoted.Text, quoted.AsSpan().ToString());
        Assert.Equal("WhitespaceTrivia@25' '", Describe(quoted.TrailingTrivia));
        var last = tokens.Last(t => t.Kind == SyntaxKind.StringToken); // no trivia around it: its text is kept
        Assert.Equal("\"tail\"", last.Text);
        Assert.Equal(text.Length - 6, last.Span.Start);
    }
}
