namespace Rules.LanguageServer.Protocol;

public sealed record DefinitionParams(TextDocumentIdentifier TextDocument, Position Position)
    : TextDocumentPositionParams(TextDocument, Position);
