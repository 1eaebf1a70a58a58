using Rules.Engine.Aggregation;

namespace Rules.Engine.Tests.Aggregation;

/// <summary>
/// Whole cases counted as blocks (<see cref="InspectionCounters.CountCase"/>) give the same figures
/// as counting each key question and breakdown row on its own, however often the 16-bit blocks are
/// moved into the 64-bit totals, and sums of counters add both parts.
/// </summary>
public sealed class InspectionCountersTests
{
    private static readonly CounterLayout Layout = new(KeyQuestions: 20, PromptOptions: [3], BreakdownGroups: 5);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(ushort.MaxValue)]
    public void Blocks_count_what_single_counts_count(int flushEvery)
    {
        var random = new Random(flushEvery);
        var blocks = new InspectionCounters("x", Layout, flushEvery);
        var singles = new InspectionCounters("x", Layout);
        var block = new ushort[InspectionCounters.BlockLength(Layout.KeyQuestions)];
        var half = block.Length / 2;
        for (var c = 0; c < 50; c++)
        {
            Array.Clear(block);
            var groups = Enumerable.Range(0, Layout.BreakdownGroups).Where(_ => random.Next(2) == 0).ToArray();
            singles.CountCase();
            for (var k = 0; k < Layout.KeyQuestions; k++)
            {
                if (random.Next(3) == 0) continue;
                var positive = random.Next(2) == 0;
                block[k] = 1;
                block[half + k] = (ushort)(positive ? 1 : 0);
                singles.CountKeyQuestion(k, positive);
                foreach (var g in groups) singles.CountBreakdown(g, k, positive);
            }

            blocks.CountCase(block, groups);
        }

        Assert.Equal(singles.Cases, blocks.Cases);
        for (var k = 0; k < Layout.KeyQuestions; k++)
        {
            Assert.Equal(singles.KeyQuestion(k), blocks.KeyQuestion(k));
            for (var g = 0; g < Layout.BreakdownGroups; g++) Assert.Equal(singles.Breakdown(g, k), blocks.Breakdown(g, k));
        }

        var sum = new InspectionCounters("*", Layout);
        sum.Add(blocks);
        sum.Add(singles);
        Assert.Equal(2 * singles.Cases, sum.Cases);
        for (var k = 0; k < Layout.KeyQuestions; k++)
        {
            Assert.Equal(2 * singles.KeyQuestion(k).Applicable, sum.KeyQuestion(k).Applicable);
            Assert.Equal(2 * singles.Breakdown(2, k).Positive, sum.Breakdown(2, k).Positive);
        }
    }

    [Fact]
    public void Key_questions_and_groups_outside_the_layout_are_refused()
    {
        var counters = new InspectionCounters("x", Layout);
        Assert.Throws<ArgumentOutOfRangeException>(() => counters.KeyQuestion(20));
        Assert.Throws<ArgumentOutOfRangeException>(() => counters.CountBreakdown(5, 0, positive: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => counters.CountCase(new ushort[InspectionCounters.BlockLength(20)], [5]));
        Assert.Throws<ArgumentException>(() => counters.CountCase(new ushort[3], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InspectionCounters("x", Layout, ushort.MaxValue + 1));
    }

    [Fact]
    public void More_cases_than_a_16_bit_count_holds_are_counted_exactly()
    {
        var counters = new InspectionCounters("x", Layout);
        var block = new ushort[InspectionCounters.BlockLength(Layout.KeyQuestions)];
        block[0] = 1;
        block[block.Length / 2] = 1;
        block[1] = 1;
        for (var c = 0; c < 200_000; c++) counters.CountCase(block, [2, 4]);

        Assert.Equal(200_000, counters.Cases);
        Assert.Equal(new Proportion(200_000, 200_000), counters.KeyQuestion(0));
        Assert.Equal(new Proportion(0, 200_000), counters.KeyQuestion(1));
        Assert.Equal(new Proportion(200_000, 200_000), counters.Breakdown(4, 0));
        Assert.Equal(new Proportion(0, 0), counters.Breakdown(3, 0));
    }
}
