namespace Rules.LanguageServer.Protocol;

public enum CodeActionTriggerKind
{
    Invoked = 1,
    Automatic = 2,
}
