namespace Rules.LanguageServer.Protocol;

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);
