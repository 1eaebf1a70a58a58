namespace Rules.LanguageServer.Protocol;

public sealed record CodeLensOptions(bool? ResolveProvider = null);
