namespace Rules.LanguageServer.Protocol;

public sealed record ShowMessageParams(MessageType Type, string Message);
