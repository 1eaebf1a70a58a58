namespace Rules.LanguageServer.Protocol;

public enum DiagnosticTag
{
    Unnecessary = 1,
    Deprecated = 2,
}
