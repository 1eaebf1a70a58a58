namespace Rules.LanguageServer.Protocol;

public sealed record ReferenceContext(bool IncludeDeclaration);
