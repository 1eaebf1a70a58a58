namespace Rules.LanguageServer.Protocol;

public sealed record CompletionContext(CompletionTriggerKind TriggerKind, string? TriggerCharacter = null);
