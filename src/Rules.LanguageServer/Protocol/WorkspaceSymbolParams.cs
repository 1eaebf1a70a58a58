namespace Rules.LanguageServer.Protocol;

public sealed record WorkspaceSymbolParams(string Query);
