namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// The outcome of reading one message body: either a <see cref="Message"/>, or an <see cref="Error"/>
/// to answer with (addressed to <see cref="Id"/> when the message had a readable id).
/// </summary>
public sealed record JsonRpcParseResult(JsonRpcMessage? Message, ResponseError? Error, RequestId? Id)
{
    public static JsonRpcParseResult Success(JsonRpcMessage message) => new(message, null, null);

    public static JsonRpcParseResult Failure(int code, string message, RequestId? id = null) =>
        new(null, new ResponseError(code, message), id);
}
