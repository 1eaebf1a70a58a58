namespace Rules.LanguageServer.JsonRpc;

/// <summary>Why <see cref="JsonRpcConnection.RunAsync"/> returned.</summary>
public enum JsonRpcEndReason
{
    /// <summary>The input ended (the other side closed it); queued messages were processed first.</summary>
    EndOfStream,

    /// <summary><see cref="JsonRpcConnection.Stop"/> was called (e.g. by an <c>exit</c> handler).</summary>
    Stopped,

    /// <summary>The token given to RunAsync was cancelled.</summary>
    Cancelled,

    /// <summary>Reading or writing failed with an I/O error.</summary>
    Failed,
}
