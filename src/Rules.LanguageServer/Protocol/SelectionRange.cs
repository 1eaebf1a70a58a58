namespace Rules.LanguageServer.Protocol;

public sealed record SelectionRange(Range Range, SelectionRange? Parent = null);
