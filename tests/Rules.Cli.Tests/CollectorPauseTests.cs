using System.Runtime;
using Rules.Cli.Memory;

namespace Rules.Cli.Tests;

public class CollectorPauseTests
{
    private sealed class RecordingPause(bool grant) : ICollectorPause
    {
        public List<string> Calls { get; } = [];

        public bool TryPause(long bytes)
        {
            Calls.Add($"pause {bytes}");
            return grant;
        }
    }

    [Fact]
    public void A_run_is_held_with_room_for_its_text()
    {
        var pause = new RecordingPause(grant: true);
        Assert.True(CollectorPause.TryHoldFor(pause, 2_000_000));
        Assert.Equal([$"pause {2_000_000 * CollectorPause.BytesPerCharacter}"], pause.Calls);
    }

    [Fact]
    public void A_refused_pause_says_so()
    {
        var pause = new RecordingPause(grant: false);
        Assert.False(CollectorPause.TryHoldFor(pause, 5_000_000));
        Assert.Single(pause.Calls);
    }

    [Fact]
    public void Without_a_pause_or_for_a_small_run_nothing_is_held()
    {
        Assert.False(CollectorPause.TryHoldFor(null, 9_000_000));
        var pause = new RecordingPause(grant: true);
        Assert.False(CollectorPause.TryHoldFor(pause, 0));
        Assert.False(CollectorPause.TryHoldFor(pause, CollectorPause.MinimumCharacters - 1));
        Assert.Empty(pause.Calls);
        Assert.True(CollectorPause.TryHoldFor(pause, CollectorPause.MinimumCharacters));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("test")]
    public void A_command_is_held_for_its_rule_text_and_its_results_are_the_same(string command)
    {
        // A megabyte of comment makes the framework large enough to hold for, and changes nothing else.
        var comment = string.Concat(Enumerable.Repeat("# " + new string('x', 98) + "\n", 10_000));
        using var cli = new CliRunner().With("fw/framework.rules", Samples.Framework).With("fw/notes.rules", comment);
        var pause = new RecordingPause(grant: true);
        var held = cli.RunWith(pause, command, "fw");
        var plain = cli.Run(command, "fw");
        var characters = Samples.Framework.Length + comment.Length;
        // Held for the rest of the run: a one-shot command never resumes (the process exits with the pause), so one call.
        Assert.Equal([$"pause {characters * CollectorPause.BytesPerCharacter}"], pause.Calls);
        Assert.Equal(plain, held);
    }

    [Fact]
    public void Evaluate_does_not_hold_the_collector_since_case_data_has_no_bound()
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.Framework).With("cases.jsonl", "");
        var pause = new RecordingPause(grant: true);
        cli.RunWith(pause, "evaluate", "fw", "--cases", "cases.jsonl");
        Assert.Empty(pause.Calls);
    }

    [Fact]
    public void A_command_that_cannot_find_its_path_holds_nothing()
    {
        using var cli = new CliRunner();
        var pause = new RecordingPause(grant: true);
        Assert.Equal(2, cli.RunWith(pause, "check", "missing").Exit);
        Assert.Empty(pause.Calls);
    }

    [Fact]
    public void The_runtime_refuses_a_pause_larger_than_half_the_memory_it_may_use()
    {
        var pause = new RuntimeCollectorPause();
        Assert.False(pause.TryPause(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes));
        Assert.False(pause.TryPause(0));
        pause.Resume(); // nothing held: nothing to end, and no exception
    }

    [Fact]
    public void The_runtime_pause_holds_and_resumes_and_resuming_after_it_was_outrun_does_not_throw()
    {
        var pause = new RuntimeCollectorPause();
        // Other tests in this process allocate too, so the runtime may end the pause early; either way Resume is safe.
        if (pause.TryPause(64L << 20)) pause.Resume();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        if (!pause.TryPause(1 << 20)) return;
        var garbage = new List<byte[]>();
        for (var i = 0; i < 64; i++) garbage.Add(new byte[1 << 20]); // 64 MB into a 1 MB pause: the runtime ends it
        GC.KeepAlive(garbage);
        pause.Resume();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
