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

    [Fact]
    public void An_id_larger_than_a_chunk_and_ids_around_it_are_kept_whole()
    {
        var registry = new CaseIdRegistry();
        var huge = new string('h', 5_000_000); // more than a 4 MB chunk
        for (var i = 0; i < 1000; i++) Assert.True(registry.TryAdd($"before-{i}", i + 1, out _));
        Assert.True(registry.TryAdd(huge, 2000, out _));
        for (var i = 0; i < 1000; i++) Assert.True(registry.TryAdd($"after-{i}", 3000 + i, out _));
        Assert.False(registry.TryAdd(huge, 9000, out var first));
        Assert.Equal(2000, first);
        Assert.True(registry.TryAdd(huge[1..], 9001, out _));
        Assert.False(registry.TryAdd("before-999", 9002, out first));
        Assert.Equal(1000, first);
        Assert.False(registry.TryAdd("after-0", 9003, out first));
        Assert.Equal(3000, first);
    }

    [Fact]
    public void Ids_of_every_length_near_the_hash_word_size_are_told_apart()
    {
        // Lengths 0 to 24 (whole 8-byte words and tails), ids differing only in their last byte or their length.
        var registry = new CaseIdRegistry();
        var line = 1;
        for (var length = 0; length <= 24; length++)
        {
            for (var last = 0; last < 4; last++)
            {
                var id = new string('x', Math.Max(0, length - 1)) + (length == 0 ? "" : ((char)('a' + last)).ToString());
                if (length == 0 && last > 0) continue;
                Assert.True(registry.TryAdd(id, line++, out _), $"'{id}'");
            }
        }

        var again = registry.Count;
        Assert.False(registry.TryAdd("", 999, out var empty));
        Assert.Equal(1, empty);
        Assert.False(registry.TryAdd(new string('x', 15) + "c", 999, out _));
        Assert.Equal(again, registry.Count);
        Assert.True(registry.TryAdd("\0", 999, out _));
    }

    [Fact]
    public void Every_one_of_many_ids_is_found_again_after_the_table_grows()
    {
        var registry = new CaseIdRegistry();
        for (var i = 0; i < 300_000; i++) Assert.True(registry.TryAdd($"C{i / 100_000}-{i % 100_000:D7}", i + 1, out _));
        for (var i = 0; i < 300_000; i += 7)
        {
            Assert.False(registry.TryAdd($"C{i / 100_000}-{i % 100_000:D7}", 0, out var first));
            Assert.Equal(i + 1, first);
        }

        Assert.Equal(300_000, registry.Count);
    }
}
