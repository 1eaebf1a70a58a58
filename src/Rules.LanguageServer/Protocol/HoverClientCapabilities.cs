using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record HoverClientCapabilities(ImmutableArray<string>? ContentFormat = null);
