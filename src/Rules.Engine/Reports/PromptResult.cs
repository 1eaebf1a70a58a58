using System.Collections.Immutable;

namespace Rules.Engine.Reports;

/// <summary>
/// A prompt's counts: JSON <c>{ code, applicable, options: { name: count, ... }, positive, percent }</c>.
/// Percent leaves out options marked not_applicable.
/// </summary>
public sealed record PromptResult(string Code, long Applicable, ImmutableArray<OptionCount> Options, long Positive, decimal? Percent)
{
    /// <summary>The prompt's wording, for human-readable formats (JSON: <c>text</c>, omitted when null).</summary>
    public string? Text { get; init; }
}
