namespace Rules.Engine.Aggregation;

/// <summary>
/// A count of positive cases out of applicable cases, compared and rounded exactly (integer
/// arithmetic only; never through a floating-point percentage).
/// </summary>
public readonly record struct Proportion : IComparable<Proportion>
{
    public Proportion(long positive, long applicable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(positive);
        ArgumentOutOfRangeException.ThrowIfNegative(applicable);
        if (positive > applicable) throw new ArgumentOutOfRangeException(nameof(positive), positive, $"More positive cases than applicable ones ({applicable}).");
        Positive = positive;
        Applicable = applicable;
    }

    /// <summary>Cases judged positively.</summary>
    public long Positive { get; }

    /// <summary>Cases where the item applies (the denominator).</summary>
    public long Applicable { get; }

    /// <summary>True when at least one case counts.</summary>
    public bool HasCases => Applicable > 0;

    /// <summary>
    /// 100 × positive / applicable rounded to one decimal place, half away from zero, with scale 1
    /// (53.3, 100.0, 0.0); null when no case counts.
    /// </summary>
    public decimal? Percent
    {
        get
        {
            if (Applicable == 0) return null;
            var twice = (Int128)Positive * 2000 + Applicable;
            var tenths = (int)(twice / ((Int128)Applicable * 2));
            return new decimal(tenths, 0, 0, false, 1);
        }
    }

    /// <summary>
    /// True when the proportion reaches an inclusive lower bound given in percent:
    /// positive × 100 ≥ bound × applicable, exactly. A proportion without cases reaches nothing.
    /// </summary>
    public bool Reaches(decimal boundPercent)
    {
        if (Applicable == 0) return false;
        return (decimal)Positive * 100m >= boundPercent * Applicable;
    }

    /// <summary>
    /// Orders by the exact ratio (cross-multiplied); a proportion without cases sorts after every
    /// proportion with cases, so that "lowest" skips it. Equal ratios compare equal (1/2 = 2/4).
    /// </summary>
    public int CompareTo(Proportion other)
    {
        if (Applicable == 0 || other.Applicable == 0) return (Applicable == 0).CompareTo(other.Applicable == 0);
        return ((Int128)Positive * other.Applicable).CompareTo((Int128)other.Positive * Applicable);
    }

    public override string ToString() => $"{Positive}/{Applicable}";
}
