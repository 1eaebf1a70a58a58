namespace Rules.LanguageServer.JsonRpc;

/// <summary>Method names the JSON-RPC layer itself understands.</summary>
public static class JsonRpcMethods
{
    /// <summary>Cancels a request; params <c>{ "id": number | string }</c>.</summary>
    public const string CancelRequest = "$/cancelRequest";

    /// <summary>The prefix of protocol-implementation-dependent methods, which may be ignored.</summary>
    public const string ImplementationDependentPrefix = "$/";
}
