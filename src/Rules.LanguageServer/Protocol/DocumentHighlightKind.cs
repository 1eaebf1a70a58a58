namespace Rules.LanguageServer.Protocol;

public enum DocumentHighlightKind
{
    Text = 1,
    Read = 2,
    Write = 3,
}
