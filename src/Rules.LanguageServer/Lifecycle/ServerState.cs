namespace Rules.LanguageServer.Lifecycle;

public enum ServerState
{
    /// <summary>Waiting for <c>initialize</c>: other requests get ServerNotInitialized.</summary>
    NotInitialized,

    /// <summary><c>initialize</c> was answered: everything is served.</summary>
    Initialized,

    /// <summary><c>shutdown</c> was answered: requests get InvalidRequest; only <c>exit</c> is expected.</summary>
    ShuttingDown,

    /// <summary><c>exit</c> arrived, the client process died, or the server was stopped.</summary>
    Stopped,
}
