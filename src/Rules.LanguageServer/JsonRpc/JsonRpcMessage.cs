namespace Rules.LanguageServer.JsonRpc;

/// <summary>A JSON-RPC 2.0 message: a request, a notification or a response.</summary>
public abstract record JsonRpcMessage;
