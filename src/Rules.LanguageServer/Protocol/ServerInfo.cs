namespace Rules.LanguageServer.Protocol;

public sealed record ServerInfo(string Name, string? Version = null);
