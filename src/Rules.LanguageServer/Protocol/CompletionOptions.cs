using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record CompletionOptions(ImmutableArray<string>? TriggerCharacters = null, bool? ResolveProvider = null);
