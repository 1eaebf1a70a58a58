using System.Collections.Immutable;

namespace Rules.Engine.Reports;

/// <summary>
/// The overall rating: JSON <c>{ score, level }</c>, or <c>{ score: null, level: null, missing: [...] }</c>
/// when a standard rated by inspector has no rating for the inspection (<c>missing</c> names them).
/// </summary>
public sealed record OverallResult(int? Score, string? Level, ImmutableArray<string> Missing)
{
    public static OverallResult Rated(int score, string level) => new(score, level, []);

    public static OverallResult NotRated(IEnumerable<string> missing) => new(null, null, [.. missing]);
}
