namespace Rules.LanguageServer.Protocol;

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);
