namespace Rules.LanguageServer.Protocol;

public sealed record CodeActionClientCapabilities(bool? IsPreferredSupport = null, bool? DataSupport = null);
