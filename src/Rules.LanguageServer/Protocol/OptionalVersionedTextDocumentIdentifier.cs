namespace Rules.LanguageServer.Protocol;

/// <summary>A document and its version; a null version means the version on disk.</summary>
public sealed record OptionalVersionedTextDocumentIdentifier(string Uri, int? Version = null);
