namespace Rules.LanguageServer.Protocol;

public enum InsertTextFormat
{
    PlainText = 1,
    Snippet = 2,
}
