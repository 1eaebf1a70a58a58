using System.Text.Json;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>A request: it has an id and expects a response.</summary>
public sealed record JsonRpcRequest(RequestId Id, string Method, JsonElement? Params) : JsonRpcMessage;
