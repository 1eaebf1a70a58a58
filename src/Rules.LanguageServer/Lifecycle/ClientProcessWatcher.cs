using Microsoft.Extensions.Logging;

namespace Rules.LanguageServer.Lifecycle;

/// <summary>Polls the client's process (from <c>initialize</c>'s processId) and stops the server when it is gone.</summary>
public sealed class ClientProcessWatcher(
    IClientProcessMonitor monitor,
    ServerLifecycle lifecycle,
    LanguageServerOptions options,
    ILogger<ClientProcessWatcher> logger) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private int _started;

    public void Start(int processId)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) return;
        logger.LogDebug("Watching the client process {ProcessId} every {Interval}.", processId, options.ClientProcessPollInterval);
        _ = Task.Run(() => WatchAsync(processId, _cancel.Token));
    }

    private async Task WatchAsync(int processId, CancellationToken cancellationToken)
    {
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifecycle.StopRequested);
            using var timer = new PeriodicTimer(options.ClientProcessPollInterval);
            while (await timer.WaitForNextTickAsync(linked.Token).ConfigureAwait(false))
            {
                if (monitor.IsRunning(processId)) continue;
                logger.LogWarning("The client process {ProcessId} has exited; stopping the language server.", processId);
                lifecycle.Stop($"the client process {processId} exited");
                return;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Watching the client process {ProcessId} failed.", processId);
        }
    }

    public void Dispose()
    {
        _cancel.Cancel();
        _cancel.Dispose();
    }
}
