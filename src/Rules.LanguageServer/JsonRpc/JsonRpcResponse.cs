using System.Text.Json;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// A response: <see cref="Result"/> on success (a JSON null result is a present, null-kind element),
/// or <see cref="Error"/>. <see cref="Id"/> is null only for errors about messages whose id was unreadable.
/// </summary>
public sealed record JsonRpcResponse(RequestId? Id, JsonElement? Result, ResponseError? Error) : JsonRpcMessage;
