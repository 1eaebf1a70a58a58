using System.Collections.Immutable;

namespace Rules.Engine.Reports;

/// <summary>One breakdown's rows: JSON <c>{ breakdown, rows: [...] }</c>.</summary>
public sealed record BreakdownResult(string Breakdown, ImmutableArray<BreakdownRow> Rows)
{
    /// <summary>The breakdown's title, e.g. "Risk of serious harm" (JSON: <c>title</c>, omitted when null).</summary>
    public string? Title { get; init; }
}
