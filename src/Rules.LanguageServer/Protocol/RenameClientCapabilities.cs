namespace Rules.LanguageServer.Protocol;

public sealed record RenameClientCapabilities(bool? PrepareSupport = null);
