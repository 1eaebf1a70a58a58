namespace Rules.Engine.Reports;

/// <summary>
/// A key question's counts: JSON <c>{ code, applicable, positive, percent, level }</c>. Percent is
/// rounded to one decimal (null when no case applies); level is the scale level the exact
/// proportion reaches (null when no case applies).
/// </summary>
public sealed record KeyQuestionResult(string Code, long Applicable, long Positive, decimal? Percent, string? Level)
{
    /// <summary>The question's wording, for human-readable formats (JSON: <c>text</c>, omitted when null).</summary>
    public string? Text { get; init; }
}
