namespace Rules.LanguageServer.Protocol;

public sealed record FoldingRange(int StartLine, int EndLine, int? StartCharacter = null, int? EndCharacter = null, string? Kind = null, string? CollapsedText = null);
