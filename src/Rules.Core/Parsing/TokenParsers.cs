using Rules.Core.Diagnostics;
using Rules.Core.Syntax;
using Sprache;

namespace Rules.Core.Parsing;

/// <summary>Sprache primitives that match whole tokens of a <see cref="TokenInput"/>.</summary>
internal static class TokenParsers
{
    // Failures are the common case (every alternative of an Or that does not match fails), so they
    // allocate nothing per attempt: the expectations are built once per parser, and the message,
    // which the driver never reads (it reports the token and the expectations), is a constant.
    private const string Unexpected = "unexpected token";

    public static Parser<SyntaxToken> Token(SyntaxKind kind)
    {
        string[] expected = [kind.Describe()];
        return input =>
        {
            var t = (TokenInput)input;
            return t.Token.Kind == kind
                ? t.Matched
                : Result.Failure<SyntaxToken>(input, Unexpected, expected);
        };
    }

    /// <summary>A contextual keyword: an identifier spelled exactly so.</summary>
    public static Parser<SyntaxToken> Keyword(string word)
    {
        string[] expected = [$"'{word}'"];
        return input =>
        {
            var t = (TokenInput)input;
            return t.Token.IsKeyword(word) || t.Stream.IsTakenAs(t.Token, word)
                ? t.Matched
                : Result.Failure<SyntaxToken>(input, Unexpected, expected);
        };
    }

    /// <summary>One of several contextual keywords.</summary>
    public static Parser<SyntaxToken> Keywords(params string[] words)
    {
        var expected = words.Select(w => $"'{w}'").ToArray();
        return input =>
        {
            var t = (TokenInput)input;
            return t.Token.Kind == SyntaxKind.IdentifierToken && Array.IndexOf(words, t.Stream.TakenAs(t.Token.Position) ?? t.Token.Text) >= 0
                ? t.Matched
                : Result.Failure<SyntaxToken>(input, Unexpected, expected);
        };
    }

    /// <summary>An identifier that is not one of the excluded words.</summary>
    public static Parser<SyntaxToken> IdentifierExcept(params string[] excluded)
    {
        string[] expected = ["a name"];
        return input =>
        {
            var t = (TokenInput)input;
            return t.Token.Kind == SyntaxKind.IdentifierToken && Array.IndexOf(excluded, t.Token.Text) < 0
                ? t.Matched
                : Result.Failure<SyntaxToken>(input, Unexpected, expected);
        };
    }

    /// <summary>
    /// The token if it is there; otherwise a missing token standing in for it, without consuming
    /// input. Used once a construct is committed (its keyword was seen), so one forgotten ':' or '{'
    /// does not lose the whole declaration. Missing tokens become RL0001 after parsing.
    /// </summary>
    public static Parser<SyntaxToken> Expect(SyntaxKind kind, string? expected = null) => input =>
    {
        var t = (TokenInput)input;
        return t.Token.Kind == kind
            ? t.Matched
            : Result.Success(t.Stream.Missing(kind, t.Token.Position, expected), input);
    };

    public static Parser<SyntaxToken> ExpectKeyword(string word) => input =>
    {
        var t = (TokenInput)input;
        if (t.Token.IsKeyword(word)) return t.Matched;
        if (t.Token.Kind == SyntaxKind.IdentifierToken && IsSlipOf(t.Token.Text, word))
            return Result.Success(t.Stream.Misspelt(t.Token, word), t.Advance());
        return Result.Success(t.Stream.Missing(SyntaxKind.IdentifierToken, t.Token.Position, $"'{word}'"), input);
    };

    /// <summary>
    /// The keyword a word is a slip of, or null ('scor', 'fro', 'aplicable'): one edit for a short keyword, two for a
    /// longer one. Stricter than "did you mean", because the word is taken as the keyword ('a' is not 'of').
    /// </summary>
    internal static string? SlipOf(string text, string[] keywords) =>
        Suggestions.Nearest(text, keywords) is { } keyword && IsSlipOf(text, keyword) ? keyword : null;

    /// <summary>Whether a word is a slip of the keyword (see <see cref="SlipOf"/>).</summary>
    internal static bool IsSlipOf(string text, string keyword) =>
        text.Length >= 2 && Suggestions.Distance(text.ToLowerInvariant(), keyword) <= (keyword.Length <= 4 ? 1 : 2);

    /// <summary>Either of two token kinds (a string or a triple-quoted string).</summary>
    public static Parser<SyntaxToken> ExpectEither(SyntaxKind first, SyntaxKind second, string expected) => input =>
    {
        var t = (TokenInput)input;
        return t.Token.Kind == first || t.Token.Kind == second
            ? t.Matched
            : Result.Success(t.Stream.Missing(first, t.Token.Position, expected), input);
    };

    /// <summary>An opening parenthesis that is not nested deeper than the limit.</summary>
    public static Parser<SyntaxToken> OpenParenWithinLimit()
    {
        string[] expected = ["'('"];
        string[] tooDeep = [NestingTooDeepMessage];
        return input =>
        {
            var t = (TokenInput)input;
            if (t.Token.Kind != SyntaxKind.OpenParenToken)
                return Result.Failure<SyntaxToken>(input, Unexpected, expected);
            if (t.Stream.ParenDepthAt(t.Index) > TokenStream.MaxNesting)
                return Result.Failure<SyntaxToken>(input, NestingTooDeepMessage, tooDeep);
            return t.Matched;
        };
    }

    public const string NestingTooDeepMessage = "nesting too deep";

    /// <summary>An optional token's value, or null when it is absent (tokens are values: Sprache's GetOrDefault would give a
    /// <c>default</c> token, which is not "none").</summary>
    public static SyntaxToken? OrNone(this IOption<SyntaxToken> option) => option.IsDefined ? option.Get() : null;

    /// <summary>For a character that cannot be seen (format and control characters, unusual spaces): its code, and its
    /// name for the ones word processors leave behind ("U+200B, a zero-width space"); null for a visible one.</summary>
    public static string? InvisibleCharacter(string text)
    {
        if (text.Length != 1) return null;
        var c = text[0];
        var category = char.GetUnicodeCategory(c);
        if (category is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control
            or System.Globalization.UnicodeCategory.SpaceSeparator or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator))
            return null;
        var name = c switch
        {
            '\u200B' => ", a zero-width space",
            '\u200C' => ", a zero-width non-joiner",
            '\u200D' => ", a zero-width joiner",
            '\u2060' => ", a word joiner",
            '\u00AD' => ", a soft hyphen",
            '\u2028' => ", a line separator",
            '\u2029' => ", a paragraph separator",
            _ => "",
        };
        return $"U+{(int)c:X4}{name}";
    }

    public static string Describe(SyntaxToken token) => token.Kind switch
    {
        SyntaxKind.EndOfFileToken => "the end of the file",
        SyntaxKind.BadToken when InvisibleCharacter(token.Text) is { } invisible => $"an invisible character ({invisible})",
        SyntaxKind.BadToken => $"the character '{token.Text}'",
        SyntaxKind.StringToken or SyntaxKind.MultiLineStringToken => "text in quotes",
        SyntaxKind.IdentifierToken or SyntaxKind.NumberToken or SyntaxKind.CodeToken => $"'{token.Text}'",
        _ => token.Kind.Describe(),
    };
}
