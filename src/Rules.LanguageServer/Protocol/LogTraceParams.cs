namespace Rules.LanguageServer.Protocol;

public sealed record LogTraceParams(string Message, string? Verbose = null);
