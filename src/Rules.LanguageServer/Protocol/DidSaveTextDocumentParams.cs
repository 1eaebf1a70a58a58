namespace Rules.LanguageServer.Protocol;

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text = null);
