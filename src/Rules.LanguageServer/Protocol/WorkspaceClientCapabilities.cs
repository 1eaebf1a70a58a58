namespace Rules.LanguageServer.Protocol;

public sealed record WorkspaceClientCapabilities(
    bool? ApplyEdit = null,
    bool? Configuration = null,
    bool? WorkspaceFolders = null,
    DynamicRegistrationCapability? DidChangeConfiguration = null,
    DynamicRegistrationCapability? DidChangeWatchedFiles = null);
