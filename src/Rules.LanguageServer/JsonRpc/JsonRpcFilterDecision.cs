namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// A filter's verdict on an incoming message: <see cref="Allow"/> it to reach its handler, or reject it;
/// a rejected request is answered with <see cref="Error"/>, a rejected notification is dropped (and logged).
/// </summary>
public sealed record JsonRpcFilterDecision(ResponseError? Error)
{
    public static readonly JsonRpcFilterDecision Allow = new((ResponseError?)null);

    public bool IsAllowed => Error is null;

    public static JsonRpcFilterDecision Reject(int code, string message) => new(new ResponseError(code, message));
}
