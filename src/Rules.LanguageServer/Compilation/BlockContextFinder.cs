using Rules.Core.Parsing;
using Rules.Core.Syntax;

namespace Rules.LanguageServer.Compilation;

/// <summary>Finds the blocks around the cursor from the tokens before it (works while typing, when the tree is incomplete).</summary>
public static class BlockContextFinder
{
    private static readonly HashSet<string> BlockKeywords = new(StringComparer.Ordinal)
    {
        "framework", "overall", "scale", "case", "answers", "domain", "standard", "key_question", "prompt", "breakdown", "test",
    };

    /// <summary>The enclosing blocks of the offset, innermost last.</summary>
    public static List<CursorBlock> Find(TokenIndex index, int offset)
    {
        var stack = new List<CursorBlock>();
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
                stack.Add(OwnerOf(index, i, stack.Count > 0 ? stack[^1] : CursorBlock.TopLevel));
            }
        }
        return stack;
    }

    public static CursorBlock Innermost(TokenIndex index, int offset) =>
        Find(index, offset) is { Count: > 0 } stack ? stack[^1] : CursorBlock.TopLevel;

    private static CursorBlock OwnerOf(TokenIndex index, int brace, CursorBlock outer)
    {
        var inTestCase = outer is { Block: BlockContext.TestCase, InSet: false };
        if (brace > 0 && index.Tokens[brace - 1].IsKeyword("in")) return outer with { InSet = true };
        if (brace > 0 && index.Tokens[brace - 1].Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.BangEqualsToken or SyntaxKind.OpenParenToken or SyntaxKind.CommaToken && !inTestCase)
            return outer with { InSet = true };
        if (inTestCase) return outer with { InSet = true };
        BlockContext? outerBlock = outer.InSet ? null : outer.Block;
        for (var i = brace - 1; i >= 0; i--)
        {
            var token = index.Tokens[i];
            if (token.Kind is SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken) break;
            if (token.Kind != SyntaxKind.IdentifierToken || !BlockKeywords.Contains(token.Text)) continue;
            if (!token.StartsLine && i > 0 && index.Tokens[i - 1].Kind is not (SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken)) continue;
            return (token.Text, outerBlock) switch
            {
                ("framework", _) => new(BlockContext.Framework),
                ("overall", _) => new(BlockContext.Overall),
                ("scale", _) => new(BlockContext.Scale),
                ("case", BlockContext.Test) => new(BlockContext.TestCase),
                ("case", _) => new(BlockContext.Case),
                ("answers", BlockContext.Test) => new(BlockContext.TestAnswers),
                ("answers", _) => new(BlockContext.Answers),
                ("domain", _) => new(BlockContext.Domain),
                ("standard", _) => new(BlockContext.Standard),
                ("key_question", _) => new(BlockContext.KeyQuestion),
                ("prompt", _) => new(BlockContext.Prompt),
                ("breakdown", _) => new(BlockContext.Breakdown),
                ("test", _) => new(BlockContext.Test),
                _ => outer,
            };
        }
        return outer;
    }
}
