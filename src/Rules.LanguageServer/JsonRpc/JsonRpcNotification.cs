using System.Text.Json;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>A notification: no id, never answered.</summary>
public sealed record JsonRpcNotification(string Method, JsonElement? Params) : JsonRpcMessage;
