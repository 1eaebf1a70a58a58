namespace Rules.LanguageServer.Protocol;

public sealed record SignatureHelpParams(TextDocumentIdentifier TextDocument, Position Position)
    : TextDocumentPositionParams(TextDocument, Position);
