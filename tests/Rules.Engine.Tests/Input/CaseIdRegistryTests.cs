using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

public sealed class CaseIdRegistryTests
{
    [Fact]
    public void Finds_every_repeat_and_nothing_else_across_growth()
    {
        var registry = new CaseIdRegistry();
        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(registry.TryAdd($"C-{i}", i + 1, out _));
        }

        for (var i = 0; i < 50_000; i += 997)
        {
            Assert.False(registry.TryAdd($"C-{i}", 100_000, out var first));
            Assert.Equal(i + 1, first);
        }

        Assert.True(registry.TryAdd("c-1", 7, out _));
        Assert.True(registry.TryAdd("C-1 ", 8, out _));
        Assert.True(registry.TryAdd("Ç-1", 9, out _));
        Assert.False(registry.TryAdd("Ç-1", 10, out var again));
        Assert.Equal(9, again);
        Assert.Equal(50_003, registry.Count);
    }

    [Fact]
    public void Very_long_ids_are_kept_whole()
    {
        var registry = new CaseIdRegistry();
        var longId = new string('x', 3_000_000);
        Assert.True(registry.TryAdd(longId, 1, out _));
        Assert.True(registry.TryAdd(longId + "y", 2, out _));
        Assert.True(registry.TryAdd("short", 3, out _));
        Assert.False(registry.TryAdd(longId, 4, out var first));
        Assert.Equal(1, first);
    }
}
