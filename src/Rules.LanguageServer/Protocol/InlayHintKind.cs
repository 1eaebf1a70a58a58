namespace Rules.LanguageServer.Protocol;

public enum InlayHintKind
{
    Type = 1,
    Parameter = 2,
}
