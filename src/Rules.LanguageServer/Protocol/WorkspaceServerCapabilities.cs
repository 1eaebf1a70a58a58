namespace Rules.LanguageServer.Protocol;

public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities? WorkspaceFolders = null);
