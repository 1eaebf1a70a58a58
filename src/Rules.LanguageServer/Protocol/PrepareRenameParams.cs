namespace Rules.LanguageServer.Protocol;

public sealed record PrepareRenameParams(TextDocumentIdentifier TextDocument, Position Position)
    : TextDocumentPositionParams(TextDocument, Position);
