using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record SelectionRangeParams(TextDocumentIdentifier TextDocument, ImmutableArray<Position> Positions);
