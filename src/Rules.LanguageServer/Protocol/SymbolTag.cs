namespace Rules.LanguageServer.Protocol;

public enum SymbolTag
{
    Deprecated = 1,
}
