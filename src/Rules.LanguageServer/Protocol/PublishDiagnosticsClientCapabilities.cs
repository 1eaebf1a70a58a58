namespace Rules.LanguageServer.Protocol;

public sealed record PublishDiagnosticsClientCapabilities(bool? RelatedInformation = null, bool? VersionSupport = null, bool? CodeDescriptionSupport = null, bool? DataSupport = null);
