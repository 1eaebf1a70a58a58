namespace Rules.LanguageServer.Protocol;

public sealed record FileEvent(string Uri, FileChangeType Type);
