namespace Rules.LanguageServer.JsonRpc;

/// <summary>How a handler's messages are scheduled relative to the others.</summary>
public enum RequestProcessType
{
    /// <summary>Notifications run <see cref="Serial"/>, requests <see cref="Parallel"/>.</summary>
    Default,

    /// <summary>
    /// Runs alone: waits for every earlier message to finish, and later messages wait for it.
    /// Use for anything that changes state (document sync, initialize, shutdown).
    /// </summary>
    Serial,

    /// <summary>Runs concurrently with other parallel requests, after every earlier serial message.</summary>
    Parallel,
}
