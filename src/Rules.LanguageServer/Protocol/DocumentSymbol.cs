using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

/// <summary>A symbol in a document's outline; <see cref="SelectionRange"/> (the name) lies inside <see cref="Range"/>.</summary>
public sealed record DocumentSymbol(
    string Name,
    SymbolKind Kind,
    Range Range,
    Range SelectionRange,
    string? Detail = null,
    ImmutableArray<DocumentSymbol>? Children = null,
    ImmutableArray<SymbolTag>? Tags = null);
