using Rules.Engine.Aggregation;

namespace Rules.Engine.Tests.Aggregation;

public sealed class ProportionTests
{
    [Theory]
    [InlineData(816, 1530, "53.3")]
    [InlineData(917, 1530, "59.9")]
    [InlineData(99, 346, "28.6")]
    [InlineData(1, 1, "100.0")]
    [InlineData(0, 7, "0.0")]
    [InlineData(1, 8, "12.5")]
    [InlineData(1, 16, "6.3")]     // 6.25 rounds half away from zero
    [InlineData(3, 16, "18.8")]    // 18.75
    [InlineData(1, 2000, "0.1")]   // 0.05
    [InlineData(1, 2001, "0.0")]   // 0.04997…
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 3, "33.3")]
    public void Percent_is_rounded_to_one_decimal_half_away_from_zero(long positive, long applicable, string expected)
    {
        Assert.Equal(expected, new Proportion(positive, applicable).Percent!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_proportion_without_cases_has_no_percent_and_reaches_nothing()
    {
        var none = new Proportion(0, 0);
        Assert.Null(none.Percent);
        Assert.False(none.Reaches(0));
        Assert.False(none.HasCases);
    }

    [Theory]
    [InlineData(13, 20, 65, true)]      // exactly 65%
    [InlineData(12, 20, 65, false)]
    [InlineData(649, 1000, 65, false)]  // 64.9%
    [InlineData(6499, 10000, 65, false)] // rounds to 65.0 but does not reach it
    [InlineData(4, 5, 80, true)]
    [InlineData(1, 2, 50, true)]
    [InlineData(0, 5, 0, true)]
    [InlineData(5, 8, 62.5, true)]
    [InlineData(62, 100, 62.5, false)]
    public void The_threshold_comparison_is_exact(long positive, long applicable, double bound, bool reaches)
    {
        var proportion = new Proportion(positive, applicable);
        Assert.Equal(reaches, proportion.Reaches((decimal)bound));
    }

    [Fact]
    public void A_rounded_percentage_at_a_bound_does_not_reach_it_unless_the_counts_do()
    {
        var justBelow = new Proportion(64999, 100000);
        Assert.Equal(65.0m, justBelow.Percent);
        Assert.False(justBelow.Reaches(65));
        Assert.Equal(1, Rating.LevelFor(new Proportion(65, 100), [80, 65, 50, 0]));
        Assert.Equal(2, Rating.LevelFor(justBelow, [80, 65, 50, 0]));
    }

    [Fact]
    public void Comparison_is_exact_and_puts_proportions_without_cases_last()
    {
        Assert.Equal(0, new Proportion(1, 2).CompareTo(new Proportion(2, 4)));
        Assert.True(new Proportion(1, 3).CompareTo(new Proportion(333333, 1000000)) > 0);
        Assert.True(new Proportion(0, 0).CompareTo(new Proportion(0, 5)) > 0);
        Assert.True(new Proportion(5, 5).CompareTo(new Proportion(0, 0)) < 0);
    }

    [Fact]
    public void Large_counts_do_not_overflow()
    {
        var big = new Proportion(long.MaxValue / 3, long.MaxValue / 2);
        Assert.Equal(66.7m, big.Percent);
        Assert.True(big.CompareTo(new Proportion(long.MaxValue / 2, long.MaxValue / 2)) < 0);
    }

    [Fact]
    public void Invalid_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Proportion(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Proportion(-1, 2));
    }
}
