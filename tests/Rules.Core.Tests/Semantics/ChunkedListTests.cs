using Rules.Core.Semantics;

namespace Rules.Core.Tests.Semantics;

public class ChunkedListTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(16, false)]
    [InlineData(17, false)]
    [InlineData(496, false)] // the growing chunks (16 to 256 items) full
    [InlineData(497, false)]
    [InlineData(5000, false)]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(65520, true)] // for ints: chunks of 16 to 32,768 items full
    [InlineData(70000, true)]
    public void Keeps_every_item_in_order_across_chunks(int count, bool forKeeping)
    {
        var list = forKeeping ? ChunkedList<int>.ForKeeping() : new ChunkedList<int>();
        for (var i = 0; i < count; i++) list.Add(i * 3);

        Assert.Equal(count, list.Count);
        for (var i = 0; i < count; i++) Assert.Equal(i * 3, list[i]);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 3), list);
        var seen = 0;
        foreach (var item in list) Assert.Equal(seen++ * 3, item);
        Assert.Equal(count, seen);
    }

    [Fact]
    public void A_long_kept_list_ends_in_large_objects()
    {
        // Large objects are not copied by the collector: what a kept list is for.
        var list = ChunkedList<long>.ForKeeping();
        for (var i = 0; i < 100_000; i++) list.Add(i);
        var chunks = (long[][])typeof(ChunkedList<long>).GetField("_chunks", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(list)!;
        Assert.True(chunks.Where(c => c is not null).Last().Length * sizeof(long) >= 85_000);
        Assert.Equal(16, chunks[0].Length);
    }

    [Fact]
    public void An_index_outside_the_list_is_refused()
    {
        var list = new ChunkedList<string> { "a" };
        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }
}
