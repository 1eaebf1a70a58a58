using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record CompletionList(bool IsIncomplete, ImmutableArray<CompletionItem> Items);
