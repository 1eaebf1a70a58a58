using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, ImmutableArray<TextDocumentContentChangeEvent> ContentChanges);
