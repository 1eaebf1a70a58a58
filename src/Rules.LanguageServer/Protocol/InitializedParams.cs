namespace Rules.LanguageServer.Protocol;

public sealed record InitializedParams;
