namespace Rules.LanguageServer.Protocol;

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);
