using System.Collections.Immutable;

namespace Rules.LanguageServer.Protocol;

public sealed record DidChangeWatchedFilesParams(ImmutableArray<FileEvent> Changes);
