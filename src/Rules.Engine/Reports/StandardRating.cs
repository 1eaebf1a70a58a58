namespace Rules.Engine.Reports;

/// <summary>How a standard gets its level.</summary>
public enum StandardRating
{
    /// <summary><c>rated by lowest key_question</c> (JSON "lowest_key_question").</summary>
    LowestKeyQuestion,

    /// <summary><c>rated by inspector</c> (JSON "inspector").</summary>
    Inspector,

    /// <summary><c>not rated</c> (JSON "not_rated").</summary>
    NotRated,
}
