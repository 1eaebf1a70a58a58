namespace Rules.LanguageServer.Protocol;

public sealed record WindowClientCapabilities(bool? WorkDoneProgress = null);
