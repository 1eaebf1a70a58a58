namespace Rules.LanguageServer.Protocol;

public sealed record FormattingOptions(int TabSize, bool InsertSpaces, bool? TrimTrailingWhitespace = null, bool? InsertFinalNewline = null, bool? TrimFinalNewlines = null);
