namespace Rules.LanguageServer.Compilation;

/// <summary>What a name may look like (as the lexer reads names and codes).</summary>
public static class NameRules
{
    public static bool IsIdentifier(string text) =>
        text.Length > 0 && IsIdentifierStart(text[0]) && text.Skip(1).All(IsIdentifierPart);

    /// <summary>A code such as 2.4 (standards) or 2.4.1 (key questions): numbers separated by dots.</summary>
    public static bool IsCode(string text, int parts) =>
        text.Split('.') is { } split && split.Length == parts && split.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && char.IsLetter(c));

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 127 && char.IsLetterOrDigit(c));
}
