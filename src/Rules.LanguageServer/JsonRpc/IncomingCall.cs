namespace Rules.LanguageServer.JsonRpc;

/// <summary>What a <see cref="JsonRpcConnectionOptions.Filter"/> sees of an incoming request or notification.</summary>
public sealed record IncomingCall(string Method, bool IsRequest);
