using Rules.LanguageServer.Lifecycle;

namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>A client process that runs until the test says it died.</summary>
public sealed class FakeClientProcessMonitor : IClientProcessMonitor
{
    private volatile bool _dead;

    public int? LastCheckedProcessId { get; private set; }

    public void Kill() => _dead = true;

    public bool IsRunning(int processId)
    {
        LastCheckedProcessId = processId;
        return !_dead;
    }
}
