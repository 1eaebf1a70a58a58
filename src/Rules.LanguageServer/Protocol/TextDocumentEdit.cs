using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, ImmutableArray<TextEdit> Edits);
