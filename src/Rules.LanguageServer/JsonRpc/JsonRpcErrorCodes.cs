namespace Rules.LanguageServer.JsonRpc;

/// <summary>The error codes of JSON-RPC 2.0 and the ones the Language Server Protocol adds.</summary>
public static class JsonRpcErrorCodes
{
    /// <summary>The message is not valid JSON (or its framing is broken).</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a valid JSON-RPC request object.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No handler is registered for the request's method.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>The request's params do not have the shape the method expects.</summary>
    public const int InvalidParams = -32602;

    /// <summary>The handler failed.</summary>
    public const int InternalError = -32603;

    /// <summary>LSP: a request arrived before <c>initialize</c>.</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>LSP: an error code that does not fit elsewhere.</summary>
    public const int UnknownErrorCode = -32001;

    /// <summary>LSP: the request failed but was syntactically correct (since 3.17).</summary>
    public const int RequestFailed = -32803;

    /// <summary>LSP: the server cancelled the request (since 3.17).</summary>
    public const int ServerCancelled = -32802;

    /// <summary>LSP: the document changed while the request ran, so its result is out of date.</summary>
    public const int ContentModified = -32801;

    /// <summary>LSP: the client cancelled the request with <c>$/cancelRequest</c>.</summary>
    public const int RequestCancelled = -32800;
}
