using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record ExecuteCommandOptions(ImmutableArray<string> Commands);
