using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record ConfigurationParams(ImmutableArray<ConfigurationItem> Items);
