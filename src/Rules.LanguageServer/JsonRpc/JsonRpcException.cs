using System.Text.Json;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// An error with a JSON-RPC error code. A handler throws it to answer a request with that error
/// (e.g. <see cref="JsonRpcErrorCodes.InvalidParams"/> or <see cref="JsonRpcErrorCodes.ContentModified"/>);
/// <see cref="JsonRpcConnection.SendRequestAsync{TResult}"/> throws it when the other side answers with an error.
/// </summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException(int code, string message, JsonElement? data = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Data = data;
    }

    public JsonRpcException(ResponseError error)
        : this(error.Code, error.Message, error.Data)
    {
    }

    public int Code { get; }

    public new JsonElement? Data { get; }

    public ResponseError ToResponseError() => new(Code, Message, Data);
}
