namespace Rules.LanguageServer.Protocol;

public sealed record ConfigurationItem(string? ScopeUri = null, string? Section = null);
