namespace Rules.LanguageServer.Protocol;

public sealed record CompletionClientCapabilities(CompletionItemClientCapabilities? CompletionItem = null, bool? ContextSupport = null);
