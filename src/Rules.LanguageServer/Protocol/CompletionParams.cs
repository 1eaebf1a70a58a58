namespace Rules.LanguageServer.Protocol;

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position, CompletionContext? Context = null)
    : TextDocumentPositionParams(TextDocument, Position);
