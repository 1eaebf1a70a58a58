namespace Rules.LanguageServer.Protocol;

public sealed record SaveOptions(bool? IncludeText = null);
