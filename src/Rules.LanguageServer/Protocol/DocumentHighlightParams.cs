namespace Rules.LanguageServer.Protocol;

public sealed record DocumentHighlightParams(TextDocumentIdentifier TextDocument, Position Position)
    : TextDocumentPositionParams(TextDocument, Position);
