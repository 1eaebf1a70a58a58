namespace Rules.Engine.Reports;

/// <summary>One group × key question: JSON <c>{ group, code, n, positive, percent }</c>.</summary>
public sealed record BreakdownRow(string Group, string Code, long N, long Positive, decimal? Percent);
