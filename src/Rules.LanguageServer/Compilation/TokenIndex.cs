using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Rules.Core.Syntax;

namespace Rules.LanguageServer.Compilation;

/// <summary>The real (not recovery-inserted) tokens of a tree in order, computed once per tree, with
/// lookups by offset. Used where the syntax tree is incomplete because the author is typing.</summary>
public sealed class TokenIndex
{
    private static readonly ConditionalWeakTable<SyntaxTree, TokenIndex> Cache = new();

    private TokenIndex(SyntaxTree tree)
    {
        Tree = tree;
        Tokens = [.. tree.Root.Tokens().Where(t => !t.IsMissing && t.Kind != SyntaxKind.EndOfFileToken)];
    }

    public static TokenIndex Of(SyntaxTree tree) => Cache.GetValue(tree, t => new TokenIndex(t));

    public SyntaxTree Tree { get; }

    public ImmutableArray<SyntaxToken> Tokens { get; }

    /// <summary>The index of the last token ending at or before the offset, or -1.</summary>
    public int IndexBefore(int offset)
    {
        int low = 0, high = Tokens.Length - 1, result = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Tokens[middle].Span.End <= offset)
            {
                result = middle;
                low = middle + 1;
            }
            else high = middle - 1;
        }
        return result;
    }

    /// <summary>The token containing the offset or ending at it (a word being typed), preferring names and codes.</summary>
    public int IndexAt(int offset)
    {
        var before = IndexBefore(offset);
        var next = before + 1;
        if (next < Tokens.Length && Tokens[next].Span.Start < offset) return next;
        if (next < Tokens.Length && Tokens[next].Span.Start == offset && IsWord(Tokens[next])
            && (before < 0 || Tokens[before].Span.End < offset || !IsWord(Tokens[before])))
            return next;
        return before >= 0 && Tokens[before].Span.End == offset ? before : -1;
    }

    public SyntaxToken? At(int index) => index >= 0 && index < Tokens.Length ? Tokens[index] : null;

    public static bool IsWord(SyntaxToken token) =>
        token.Kind is SyntaxKind.IdentifierToken or SyntaxKind.CodeToken or SyntaxKind.NumberToken;

    /// <summary>Whether the offset is inside a comment or a string (no completion there).</summary>
    public bool InCommentOrString(int offset)
    {
        var index = IndexBefore(offset);
        if (At(index + 1) is { } next)
        {
            if (next.Kind is SyntaxKind.StringToken or SyntaxKind.MultiLineStringToken && next.Span.Start < offset && offset < next.Span.End) return true;
            if (next.LeadingTrivia.Any(t => t.Kind.IsComment() && t.Span.Start < offset && (offset < t.Span.End || t.Kind == SyntaxKind.LineCommentTrivia && offset == t.Span.End))) return true;
        }
        if (At(index) is { } previous)
        {
            if (previous.Kind is SyntaxKind.StringToken or SyntaxKind.MultiLineStringToken && IsUnterminated(previous) && offset >= previous.Span.End) return true;
            if (previous.TrailingTrivia.Any(t => t.Kind.IsComment() && t.Span.Start < offset && (offset < t.Span.End || t.Kind == SyntaxKind.LineCommentTrivia && offset == t.Span.End))) return true;
        }
        return false;
    }

    private static bool IsUnterminated(SyntaxToken token) =>
        token.Text.Length < 2 || token.Text[^1] != '"';
}
