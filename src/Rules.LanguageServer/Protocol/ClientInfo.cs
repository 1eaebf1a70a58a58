namespace Rules.LanguageServer.Protocol;

public sealed record ClientInfo(string Name, string? Version = null);
