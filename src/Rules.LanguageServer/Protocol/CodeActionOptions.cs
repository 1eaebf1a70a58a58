using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record CodeActionOptions(ImmutableArray<string>? CodeActionKinds = null, bool? ResolveProvider = null);
