using System.Collections.Immutable;

namespace Rules.Engine.Reports;

/// <summary>The <c>--by BREAKDOWN...</c> option: keep only the named breakdowns in a report.</summary>
public static class BreakdownSelection
{
    /// <summary>
    /// The report with only the named breakdowns, in the framework's order; names the report does not
    /// have are returned in <paramref name="unknown"/> (report them and stop with exit code 2).
    /// </summary>
    public static EvaluationReport Keep(EvaluationReport report, IEnumerable<string> names, out ImmutableArray<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(names);
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var known = report.Inspections.SelectMany(i => i.Breakdowns).Select(b => b.Breakdown).ToHashSet(StringComparer.Ordinal);
        unknown = [.. wanted.Where(n => !known.Contains(n)).Order(StringComparer.Ordinal)];
        return report with
        {
            Inspections = [.. report.Inspections.Select(i => i with { Breakdowns = [.. i.Breakdowns.Where(b => wanted.Contains(b.Breakdown))] })],
        };
    }
}
