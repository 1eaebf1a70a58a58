namespace Rules.LanguageServer.Lifecycle;

/// <summary>Tells whether the client's process still runs (replaceable in tests).</summary>
public interface IClientProcessMonitor
{
    bool IsRunning(int processId);
}
