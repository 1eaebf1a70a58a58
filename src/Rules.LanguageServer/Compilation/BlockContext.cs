using Rules.Core.Syntax;

namespace Rules.LanguageServer.Compilation;

/// <summary>The kind of block the cursor is in, found from the tokens before it (works while typing,
/// when the tree is incomplete).</summary>
public enum BlockKind
{
    TopLevel,
    Framework,
    Overall,
    Scale,
    Case,
    AnswerSet,
    Domain,
    Standard,
    KeyQuestion,
    Prompt,
    Breakdown,
    Test,
    TestCase,
    TestAnswers,
    Set,
}

public static class BlockContextFinder
{
    private static readonly HashSet<string> BlockKeywords = new(StringComparer.Ordinal)
    {
        "framework", "overall", "scale", "case", "answers", "domain", "standard", "key_question", "prompt", "breakdown", "test",
    };

    /// <summary>The enclosing blocks of the offset, innermost last.</summary>
    public static List<BlockKind> Find(TokenIndex index, int offset)
    {
        var stack = new List<BlockKind>();
        var last = index.IndexBefore(offset);
        for (var i = 0; i <= last; i++)
        {
            var token = index.Tokens[i];
            if (token.Kind == SyntaxKind.CloseBraceToken)
            {
                if (stack.Count > 0) stack.RemoveAt(stack.Count - 1);
            }
            else if (token.Kind == SyntaxKind.OpenBraceToken)
            {
                stack.Add(OwnerOf(index, i, stack.Count > 0 ? stack[^1] : BlockKind.TopLevel));
            }
        }
        return stack;
    }

    public static BlockKind Innermost(TokenIndex index, int offset) =>
        Find(index, offset) is { Count: > 0 } stack ? stack[^1] : BlockKind.TopLevel;

    private static BlockKind OwnerOf(TokenIndex index, int brace, BlockKind outer)
    {
        if (brace > 0 && index.Tokens[brace - 1].IsKeyword("in")) return BlockKind.Set;
        if (brace > 0 && index.Tokens[brace - 1].Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.BangEqualsToken or SyntaxKind.OpenParenToken or SyntaxKind.CommaToken && outer is not (BlockKind.TestCase))
            return BlockKind.Set;
        if (outer == BlockKind.TestCase) return BlockKind.Set;
        for (var i = brace - 1; i >= 0; i--)
        {
            var token = index.Tokens[i];
            if (token.Kind is SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken) break;
            if (token.Kind != SyntaxKind.IdentifierToken || !BlockKeywords.Contains(token.Text)) continue;
            if (!token.StartsLine && i > 0 && index.Tokens[i - 1].Kind is not (SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken)) continue;
            return (token.Text, outer) switch
            {
                ("framework", _) => BlockKind.Framework,
                ("overall", _) => BlockKind.Overall,
                ("scale", _) => BlockKind.Scale,
                ("case", BlockKind.Test) => BlockKind.TestCase,
                ("case", _) => BlockKind.Case,
                ("answers", BlockKind.Test) => BlockKind.TestAnswers,
                ("answers", _) => BlockKind.AnswerSet,
                ("domain", _) => BlockKind.Domain,
                ("standard", _) => BlockKind.Standard,
                ("key_question", _) => BlockKind.KeyQuestion,
                ("prompt", _) => BlockKind.Prompt,
                ("breakdown", _) => BlockKind.Breakdown,
                ("test", _) => BlockKind.Test,
                _ => outer,
            };
        }
        return outer;
    }
}
