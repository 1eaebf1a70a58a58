using System.Text.Json;

namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>Collects notifications; tests wait for the next one matching a method and predicate.</summary>
public sealed class NotificationInbox
{
    private readonly object _gate = new();
    private readonly List<ReceivedNotification> _pending = [];
    private readonly List<ReceivedNotification> _all = [];
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReceivedNotification> All
    {
        get
        {
            lock (_gate) return _all.ToList();
        }
    }

    /// <summary>Forgets every notification received so far (long-running harnesses).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
            _all.Clear();
        }
    }

    public void Add(ReceivedNotification notification)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _pending.Add(notification);
            _all.Add(notification);
            signal = _signal;
            _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        signal.TrySetResult();
    }

    /// <summary>Takes the first not yet taken notification of <paramref name="method"/> matching <paramref name="predicate"/>.</summary>
    public async Task<JsonElement> WaitAsync(string method, Func<JsonElement, bool>? predicate = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                var index = _pending.FindIndex(n => n.Method == method && (predicate is null || predicate(n.Params)));
                if (index >= 0)
                {
                    var found = _pending[index];
                    _pending.RemoveAt(index);
                    return found.Params;
                }
                signal = _signal.Task;
            }

            try
            {
                await signal.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No '{method}' notification arrived in time; received: " +
                                           string.Join(", ", All.Select(n => n.Method)));
            }
        }
    }
}
