namespace Rules.LanguageServer.Protocol;

public sealed record PrepareRenameResult(Range Range, string Placeholder);
