namespace Rules.Engine.Aggregation;

/// <summary>
/// Counters per inspection. Count each evaluated case into <see cref="For"/> its inspection;
/// <see cref="All"/> sums them into the <c>"*"</c> counters at the end.
/// </summary>
public sealed class InspectionTally
{
    /// <summary>The name of the all-cases inspection in reports.</summary>
    public const string AllInspections = "*";

    private readonly Dictionary<string, InspectionCounters> _byInspection = new(StringComparer.Ordinal);
    private InspectionCounters? _last;

    public InspectionTally(CounterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
    }

    public CounterLayout Layout { get; }

    /// <summary>The counters of one inspection, created on first use.</summary>
    public InspectionCounters For(string inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        if (_last is not null && ReferenceEquals(_last.Inspection, inspection)) return _last;
        if (!_byInspection.TryGetValue(inspection, out var counters))
        {
            counters = new InspectionCounters(inspection, Layout);
            _byInspection.Add(inspection, counters);
        }

        _last = counters;
        return counters;
    }

    /// <summary>The counters of each inspection seen, ordered by name (ordinal).</summary>
    public IReadOnlyList<InspectionCounters> Inspections =>
        [.. _byInspection.Values.OrderBy(c => c.Inspection, StringComparer.Ordinal)];

    /// <summary>A fresh sum over every inspection, named <c>"*"</c>.</summary>
    public InspectionCounters All()
    {
        var total = new InspectionCounters(AllInspections, Layout);
        foreach (var counters in _byInspection.Values) total.Add(counters);
        return total;
    }
}
