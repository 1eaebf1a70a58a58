using Rules.Core.Syntax;

namespace Rules.LanguageServer.Compilation;

/// <summary>What a name may look like (as the lexer reads names and codes).</summary>
public static class NameRules
{
    public static bool IsIdentifier(string text) => SyntaxFacts.IsIdentifier(text);

    /// <summary>A code such as 2.4 (standards) or 2.4.1 (key questions): numbers separated by dots.</summary>
    public static bool IsCode(string text, int parts) =>
        text.Split('.') is { } split && split.Length == parts && split.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
}
