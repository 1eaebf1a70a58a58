namespace Rules.LanguageServer.Protocol;

/// <summary>A document as the client opens it.</summary>
public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);
