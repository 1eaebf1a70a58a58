namespace Rules.LanguageServer.Protocol;

public sealed record SetTraceParams(string Value);
