namespace Rules.LanguageServer.JsonRpc;

/// <summary>Severity of what the connection reports through <see cref="JsonRpcConnectionOptions.Log"/>.</summary>
public enum JsonRpcLogLevel
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
}
