namespace Rules.LanguageServer.Protocol;

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions Options);
