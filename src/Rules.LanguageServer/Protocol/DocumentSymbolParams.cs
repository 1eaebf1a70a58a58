namespace Rules.LanguageServer.Protocol;

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);
