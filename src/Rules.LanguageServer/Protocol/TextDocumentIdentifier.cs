namespace Rules.LanguageServer.Protocol;

public sealed record TextDocumentIdentifier(string Uri);
