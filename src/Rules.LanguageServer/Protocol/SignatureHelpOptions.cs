using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record SignatureHelpOptions(ImmutableArray<string>? TriggerCharacters = null);
