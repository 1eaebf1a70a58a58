using System.Collections.Immutable;
using Rules.Engine.Aggregation;

namespace Rules.Engine.Tests.Aggregation;

public sealed class RatingTests
{
    private static readonly decimal[] Bounds = [80, 65, 50, 0];

    [Theory]
    [InlineData(80, 100, 0)]
    [InlineData(79, 100, 1)]
    [InlineData(65, 100, 1)]
    [InlineData(50, 100, 2)]
    [InlineData(49, 100, 3)]
    [InlineData(0, 100, 3)]
    public void A_proportion_maps_to_the_first_level_whose_bound_it_reaches(long positive, long applicable, int level)
    {
        Assert.Equal(level, Rating.LevelFor(new Proportion(positive, applicable), Bounds));
    }

    [Fact]
    public void No_cases_means_no_level()
    {
        Assert.Equal(-1, Rating.LevelFor(new Proportion(0, 0), Bounds));
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    [InlineData(0, 3)]
    [InlineData(-1, -1)]
    public void A_score_maps_to_the_first_band_it_reaches(int score, int band)
    {
        Assert.Equal(band, Rating.BandFor(score, [3, 2, 1, 0]));
    }

    [Fact]
    public void Lowest_skips_proportions_without_cases_and_prefers_the_first_on_a_tie()
    {
        Assert.Equal(1, Rating.Lowest([new(8, 10), new(1, 2), new(0, 0), new(2, 4)]));
        Assert.Equal(-1, Rating.Lowest([new(0, 0), new(0, 0)]));
        Assert.Equal(-1, Rating.Lowest([]));
    }

    [Fact]
    public void A_prompt_percentage_leaves_out_not_applicable_options()
    {
        var proportion = Rating.ForOptions([917, 461, 152], [true, false, false], [false, false, true]);
        Assert.Equal(new Proportion(917, 1378), proportion);
        Assert.Equal(66.5m, proportion.Percent);
    }

    [Fact]
    public void Counters_count_per_inspection_and_sum_into_all()
    {
        var layout = new CounterLayout(KeyQuestions: 2, PromptOptions: ImmutableArray.Create(3, 2), BreakdownGroups: 2);
        var tally = new InspectionTally(layout);
        var gwent = tally.For("gwent");
        gwent.CountCase();
        gwent.CountKeyQuestion(0, positive: true);
        gwent.CountKeyQuestion(1, positive: false);
        gwent.CountPrompt(0, 2);
        gwent.CountBreakdown(1, 0, positive: true);
        var avon = tally.For("avon");
        avon.CountCase();
        avon.CountKeyQuestion(0, positive: false);
        avon.CountPrompt(0, 2);
        avon.CountPrompt(1, 0);
        avon.CountBreakdown(1, 0, positive: false);
        Assert.Same(gwent, tally.For("gwent"));

        var all = tally.All();
        Assert.Equal("*", all.Inspection);
        Assert.Equal(2, all.Cases);
        Assert.Equal(new Proportion(1, 2), all.KeyQuestion(0));
        Assert.Equal(new Proportion(0, 1), all.KeyQuestion(1));
        Assert.Equal([0L, 0L, 2L], all.PromptOptions(0).ToArray());
        Assert.Equal([1L, 0L], all.PromptOptions(1).ToArray());
        Assert.Equal(2, all.PromptApplicable(0));
        Assert.Equal(new Proportion(1, 2), all.Breakdown(1, 0));
        Assert.Equal(new Proportion(0, 0), all.Breakdown(0, 0));
        Assert.Equal(["avon", "gwent"], tally.Inspections.Select(c => c.Inspection));
        Assert.Throws<ArgumentOutOfRangeException>(() => gwent.CountPrompt(1, 2));
    }
}
