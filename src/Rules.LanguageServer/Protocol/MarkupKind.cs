namespace Rules.LanguageServer.Protocol;

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}
