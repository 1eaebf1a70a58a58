namespace Rules.LanguageServer.Protocol;

/// <summary><see cref="Full"/> and <see cref="Range"/>: whether whole-document and range requests are served.</summary>
public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool? Range = null, bool? Full = null);
