namespace Rules.LanguageServer.Protocol;

/// <summary>The params shared by requests at a position in a document (hover, completion, definition, ...).</summary>
public record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);
