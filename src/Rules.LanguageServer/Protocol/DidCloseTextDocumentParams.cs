namespace Rules.LanguageServer.Protocol;

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);
