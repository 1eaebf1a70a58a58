using Rules.Engine.Reports;

namespace Rules.Engine.Tests.Reports;

public sealed class BreakdownSelectionTests
{
    [Fact]
    public void Only_the_named_breakdowns_are_kept_and_unknown_names_are_returned()
    {
        var report = BreakdownSelection.Keep(SampleReport.Create(), ["age_group", "ethnicity"], out var unknown);
        Assert.Equal(["age_group"], report.Inspections[0].Breakdowns.Select(b => b.Breakdown));
        Assert.Empty(report.Inspections[2].Breakdowns);
        Assert.Equal(["ethnicity"], unknown.ToArray());
        Assert.Equal(SampleReport.Create().Input, report.Input);
    }
}
