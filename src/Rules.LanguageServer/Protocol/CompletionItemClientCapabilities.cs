using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record CompletionItemClientCapabilities(bool? SnippetSupport = null, ImmutableArray<string>? DocumentationFormat = null, bool? InsertReplaceSupport = null);
