namespace Rules.LanguageServer.Protocol;

public sealed record Location(string Uri, Range Range);
