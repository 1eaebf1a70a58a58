using System.Text.Json;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>The <c>error</c> member of a JSON-RPC response.</summary>
public sealed record ResponseError(int Code, string Message, JsonElement? Data = null);
