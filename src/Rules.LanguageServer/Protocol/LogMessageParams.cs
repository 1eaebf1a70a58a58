namespace Rules.LanguageServer.Protocol;

public sealed record LogMessageParams(MessageType Type, string Message);
