using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record SemanticTokensLegend(ImmutableArray<string> TokenTypes, ImmutableArray<string> TokenModifiers);
