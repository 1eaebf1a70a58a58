using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Rules.LanguageServer.Documents;

namespace Rules.LanguageServer.Tests;

public sealed class DocumentWorkSchedulerTests : IDisposable
{
    private readonly DocumentWorkScheduler _scheduler = new(
        new LanguageServerOptions { DocumentWorkDelay = TimeSpan.FromMilliseconds(30) },
        NullLogger<DocumentWorkScheduler>.Instance);

    public void Dispose() => _scheduler.Dispose();

    [Fact]
    public async Task Only_the_last_of_rapid_schedules_runs()
    {
        var runs = new ConcurrentQueue<int>();
        for (var i = 0; i < 5; i++)
        {
            var n = i;
            _scheduler.Schedule("file:///a", _ =>
            {
                runs.Enqueue(n);
                return Task.CompletedTask;
            });
        }
        await _scheduler.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([4], runs);
    }

    [Fact]
    public async Task Documents_are_independent_and_running_work_is_cancelled_by_newer_work()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        var runs = new ConcurrentQueue<string>();
        _scheduler.Schedule("file:///a", async ct =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        });
        _scheduler.Schedule("file:///b", _ =>
        {
            runs.Enqueue("b");
            return Task.CompletedTask;
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _scheduler.Schedule("file:///a", _ =>
        {
            runs.Enqueue("a2");
            return Task.CompletedTask;
        });
        await _scheduler.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(cancelled);
        Assert.Equal(["a2", "b"], runs.Order());
    }

    [Fact]
    public async Task Cancel_drops_pending_work_and_failures_do_not_escape()
    {
        var ran = false;
        _scheduler.Schedule("file:///a", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        _scheduler.Cancel("file:///a");
        _scheduler.Schedule("file:///b", _ => throw new InvalidOperationException("compiler bug"));
        await _scheduler.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(60);
        Assert.False(ran);
    }
}
