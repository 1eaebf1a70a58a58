namespace Rules.Engine.Reports;

/// <summary>
/// A standard's rating: JSON <c>{ code, level, score, percent, limitedBy }</c>. A standard that is
/// not rated (no applicable case, <c>not rated</c>, or an inspector rating not given) has null level
/// and score; percent and limitedBy are set only for <c>rated by lowest key_question</c>.
/// </summary>
public sealed record StandardResult(string Code, string? Level, int? Score, decimal? Percent, string? LimitedBy)
{
    /// <summary>The standard's title, for human-readable formats (JSON: <c>title</c>, omitted when null).</summary>
    public string? Title { get; init; }

    /// <summary>How the standard is rated (JSON: <c>ratedBy</c>, omitted when null).</summary>
    public StandardRating? RatedBy { get; init; }
}
