namespace Rules.LanguageServer.Protocol;

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);
