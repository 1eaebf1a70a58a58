namespace Rules.Benchmarks.Engine;

/// <summary>
/// The yardstick's counts per inspection: plain arrays of longs in the order of
/// <see cref="HandWrittenEvaluator"/>'s key questions, prompts and breakdown groups.
/// </summary>
public sealed class HandWrittenTally(HandWrittenEvaluator evaluator)
{
    private readonly Dictionary<string, Counters> _byInspection = new(StringComparer.Ordinal);
    private Counters? _last;

    /// <summary>The inspections counted so far.</summary>
    public IReadOnlyDictionary<string, Counters> Inspections => _byInspection;

    /// <summary>The counters of an inspection, created on first use.</summary>
    public Counters For(string inspection)
    {
        if (_last is not null && ReferenceEquals(_last.Inspection, inspection)) return _last;
        if (!_byInspection.TryGetValue(inspection, out var counters))
        {
            counters = new Counters(inspection, evaluator);
            _byInspection.Add(inspection, counters);
        }

        _last = counters;
        return counters;
    }

    /// <summary>The sum over every inspection.</summary>
    public Counters All()
    {
        var total = new Counters("*", evaluator);
        foreach (var counters in _byInspection.Values)
        {
            total.Cases += counters.Cases;
            Add(total.KeyApplicable, counters.KeyApplicable);
            Add(total.KeyPositive, counters.KeyPositive);
            Add(total.PromptApplicable, counters.PromptApplicable);
            for (var p = 0; p < total.PromptOptions.Length; p++) Add(total.PromptOptions[p], counters.PromptOptions[p]);
            Add(total.GroupApplicable, counters.GroupApplicable);
            Add(total.GroupPositive, counters.GroupPositive);
        }

        return total;
    }

    private static void Add(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++) target[i] += source[i];
    }

    /// <summary>One inspection's counts. Breakdown rows are indexed group × key questions + key question.</summary>
    public sealed class Counters(string inspection, HandWrittenEvaluator evaluator)
    {
        public string Inspection { get; } = inspection;

        public long Cases { get; set; }

        public long[] KeyApplicable { get; } = new long[evaluator.KeyQuestionCodes.Count];

        public long[] KeyPositive { get; } = new long[evaluator.KeyQuestionCodes.Count];

        public long[] PromptApplicable { get; } = new long[evaluator.PromptCodes.Count];

        public long[][] PromptOptions { get; } = [.. evaluator.PromptOptionCounts.Select(n => new long[n])];

        public long[] GroupApplicable { get; } = new long[evaluator.BreakdownGroups.Count * evaluator.KeyQuestionCodes.Count];

        public long[] GroupPositive { get; } = new long[evaluator.BreakdownGroups.Count * evaluator.KeyQuestionCodes.Count];
    }
}
