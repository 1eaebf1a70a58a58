namespace Rules.LanguageServer.Protocol;

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);
