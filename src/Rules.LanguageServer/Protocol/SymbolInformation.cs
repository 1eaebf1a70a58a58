using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record SymbolInformation(string Name, SymbolKind Kind, Location Location, string? ContainerName = null, ImmutableArray<SymbolTag>? Tags = null);
