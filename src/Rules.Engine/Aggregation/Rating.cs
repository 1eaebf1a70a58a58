namespace Rules.Engine.Aggregation;

/// <summary>Pure arithmetic for mapping proportions and scores onto a scale.</summary>
public static class Rating
{
    /// <summary>
    /// The index of the first level, best first, whose inclusive lower bound (in percent) the
    /// proportion reaches; -1 when it has no cases or reaches none.
    /// </summary>
    public static int LevelFor(Proportion proportion, ReadOnlySpan<decimal> boundsBestFirst)
    {
        if (!proportion.HasCases) return -1;
        for (var i = 0; i < boundsBestFirst.Length; i++)
        {
            if (proportion.Reaches(boundsBestFirst[i])) return i;
        }

        return -1;
    }

    /// <summary>The index of the first band, best first, whose inclusive lower bound the score reaches; -1 when none.</summary>
    public static int BandFor(int score, ReadOnlySpan<int> boundsBestFirst)
    {
        for (var i = 0; i < boundsBestFirst.Length; i++)
        {
            if (score >= boundsBestFirst[i]) return i;
        }

        return -1;
    }

    /// <summary>
    /// The index of the lowest proportion that has cases (the first one on a tie, so that the
    /// earlier key question is named as the limit); -1 when none has cases.
    /// </summary>
    public static int Lowest(ReadOnlySpan<Proportion> proportions)
    {
        var lowest = -1;
        for (var i = 0; i < proportions.Length; i++)
        {
            if (!proportions[i].HasCases) continue;
            if (lowest < 0 || proportions[i].CompareTo(proportions[lowest]) < 0) lowest = i;
        }

        return lowest;
    }

    /// <summary>
    /// A prompt's proportion from its option counts: positive options over all counted options
    /// except those marked not applicable.
    /// </summary>
    public static Proportion ForOptions(ReadOnlySpan<long> counts, ReadOnlySpan<bool> positive, ReadOnlySpan<bool> notApplicable)
    {
        if (positive.Length != counts.Length || notApplicable.Length != counts.Length)
            throw new ArgumentException("Each option needs a count and both flags.", nameof(counts));
        long yes = 0, total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (notApplicable[i]) continue;
            total += counts[i];
            if (positive[i]) yes += counts[i];
        }

        return new Proportion(yes, total);
    }
}
