using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

/// <summary>Tokens encoded as the LSP's relative integer quintuples (see <c>SemanticTokensBuilder</c>).</summary>
public sealed record SemanticTokens(ImmutableArray<int> Data, string? ResultId = null);
