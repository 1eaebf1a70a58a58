namespace Rules.Core.Syntax;

/// <summary>What names look like in the language: the one definition the lexer and editors share.</summary>
public static class SyntaxFacts
{
    /// <summary>The outcomes an answer option may be marked with (negative when none is written).</summary>
    internal static readonly string[] OptionOutcomes = ["positive", "negative", "not_applicable"];

    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && char.IsLetter(c));

    public static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 127 && char.IsLetterOrDigit(c));

    /// <summary>Letters, digits and '_', not starting with a digit.</summary>
    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !IsIdentifierStart(text[0])) return false;
        for (var i = 1; i < text.Length; i++)
            if (!IsIdentifierPart(text[i])) return false;
        return true;
    }
}
