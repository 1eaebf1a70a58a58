namespace Rules.LanguageServer.Protocol;

public sealed record RenameOptions(bool? PrepareProvider = null);
