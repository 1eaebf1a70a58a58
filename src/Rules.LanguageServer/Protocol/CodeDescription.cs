namespace Rules.LanguageServer.Protocol;

/// <summary>A link to documentation of a diagnostic code.</summary>
public sealed record CodeDescription(string Href);
