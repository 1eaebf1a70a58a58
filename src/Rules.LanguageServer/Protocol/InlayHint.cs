namespace Rules.LanguageServer.Protocol;

public sealed record InlayHint(Position Position, string Label, InlayHintKind? Kind = null, MarkupContent? Tooltip = null, bool? PaddingLeft = null, bool? PaddingRight = null);
