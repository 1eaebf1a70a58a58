using Microsoft.Extensions.Logging;

namespace Rules.LanguageServer.Documents;

/// <summary>
/// Runs background work per document, debounced: scheduling work for a URI cancels the work scheduled or
/// running for it before, waits <see cref="LanguageServerOptions.DocumentWorkDelay"/>, then runs the new work
/// (after the cancelled run has finished, so two runs for one document never overlap). Meant for listeners
/// that compile and publish diagnostics while the user types. Failures are logged. Thread-safe.
/// </summary>
public sealed class DocumentWorkScheduler(LanguageServerOptions options, ILogger<DocumentWorkScheduler> logger) : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();

    private sealed record Entry(CancellationTokenSource Cancellation, Task Task);

    /// <summary>Schedules <paramref name="work"/> for <paramref name="uri"/>, replacing earlier work for it.</summary>
    public void Schedule(string uri, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested) return;
            _entries.TryGetValue(uri, out var previous);
            if (previous is not null) Cancel(previous.Cancellation);
            var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
            var task = Task.Run(() => RunAsync(uri, work, previous?.Task, cancellation));
            _entries[uri] = new Entry(cancellation, task);
        }
    }

    /// <summary>Cancels the work for <paramref name="uri"/> (e.g. when the document closes).</summary>
    public void Cancel(string uri)
    {
        lock (_gate)
        {
            if (_entries.Remove(uri, out var entry)) Cancel(entry.Cancellation);
        }
    }

    /// <summary>Completes when all work scheduled so far has finished (for tests and shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate) return Task.WhenAll(_entries.Values.Select(e => e.Task).ToList());
    }

    private async Task RunAsync(string uri, Func<CancellationToken, Task> work, Task? previous, CancellationTokenSource cancellation)
    {
        var token = cancellation.Token;
        try
        {
            if (previous is not null) await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await Task.Delay(options.DocumentWorkDelay, token).ConfigureAwait(false);
            await work(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Background work for {Uri} failed: {Message}", uri, e.Message);
        }
        finally
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(uri, out var current) && current.Cancellation == cancellation) _entries.Remove(uri);
            }
            cancellation.Dispose();
        }
    }

    private static void Cancel(CancellationTokenSource cancellation)
    {
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        lock (_gate) Cancel(_disposed);
    }
}
