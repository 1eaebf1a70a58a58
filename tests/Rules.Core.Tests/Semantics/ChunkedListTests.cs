using Rules.Core.Semantics;

namespace Rules.Core.Tests.Semantics;

public class ChunkedListTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(5000)]
    public void Keeps_every_item_in_order_across_chunks(int count)
    {
        var list = new ChunkedList<int>();
        for (var i = 0; i < count; i++) list.Add(i * 3);

        Assert.Equal(count, list.Count);
        for (var i = 0; i < count; i++) Assert.Equal(i * 3, list[i]);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 3), list);
        var seen = 0;
        foreach (var item in list) Assert.Equal(seen++ * 3, item);
        Assert.Equal(count, seen);
    }

    [Fact]
    public void An_index_outside_the_list_is_refused()
    {
        var list = new ChunkedList<string> { "a" };
        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }
}
