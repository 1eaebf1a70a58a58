namespace Rules.LanguageServer.Protocol;

public sealed record DiagnosticRelatedInformation(Location Location, string Message);
