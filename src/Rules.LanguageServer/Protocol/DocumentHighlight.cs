namespace Rules.LanguageServer.Protocol;

public sealed record DocumentHighlight(Range Range, DocumentHighlightKind? Kind = null);
