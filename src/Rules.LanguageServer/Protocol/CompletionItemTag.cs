namespace Rules.LanguageServer.Protocol;

public enum CompletionItemTag
{
    Deprecated = 1,
}
