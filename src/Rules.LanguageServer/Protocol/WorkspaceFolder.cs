namespace Rules.LanguageServer.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);
