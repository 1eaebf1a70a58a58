namespace Rules.LanguageServer.Protocol;

public sealed record CompletionItemLabelDetails(string? Detail = null, string? Description = null);
