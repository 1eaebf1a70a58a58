using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0302: overall bands descend to 0 and each can be reached by some sum of the rated standards' scores.</summary>
public sealed class OverallBandsRule : ILintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0302];

    public void Analyze(SemanticModel model, Action<Diagnostic> report)
    {
        var framework = model.Framework;
        if (framework is null || framework.Scale is null) return;
        var bands = framework.OverallBands;
        // The reused files' count is taken once for as long as the same files are reused.
        var rated = model.State.ColdTable is { } cold
            ? (int)cold.LintMemo.GetOrAdd(typeof(OverallBandsRule), _ => model.Files.Where(model.Reused).Sum(f => f.RatedStandardCount()))
            : 0;
        foreach (var file in model.Files)
            if (!model.Reused(file)) rated += file.RatedStandardCount();
        if (bands.Length == 0)
        {
            if (rated > 0)
                report(DiagnosticCatalog.OverallInvalid(framework.Location, "The framework has rated standards but no overall bands; add 'overall { ... from N }' to turn their scores into an overall rating."));
            return;
        }
        for (var i = 1; i < bands.Length; i++)
            if (bands[i].Bound >= bands[i - 1].Bound)
                report(DiagnosticCatalog.OverallInvalid(bands[i].Location,
                    $"Band '{bands[i].LevelName}' starts at {bands[i].Bound}, which is not below '{bands[i - 1].LevelName}' ({bands[i - 1].Bound}); list bands best first with falling bounds.",
                    new RelatedLocation(bands[i - 1].Location, $"Band '{bands[i - 1].LevelName}', from {bands[i - 1].Bound}")));
        if (bands[^1].Bound != 0)
            report(DiagnosticCatalog.OverallInvalid(bands[^1].Location, $"The last band, '{bands[^1].LevelName}', must start from 0; it starts at {bands[^1].Bound}."));

        // Every total a framework can score: each rated standard adds one of the scale's scores (unknown while a
        // level's score is missing, which a syntax error already reports).
        if (framework.Scale.Levels.Any(l => l.IsIncomplete)) return;
        var scores = framework.Scale.Levels.Select(l => l.Score).Distinct().ToArray();
        // Worked out once per scale and count while the same files are reused: typing elsewhere changes neither.
        var reachable = model.State.ColdTable is { } reused
            ? ((ReachableMemo)reused.LintMemo.AddOrUpdate(typeof(ReachableMemo),
                _ => new ReachableMemo(scores, rated, ReachableTotals(scores, rated)),
                (_, known) => ((ReachableMemo)known).Count == rated && ((ReachableMemo)known).Scores.SequenceEqual(scores)
                    ? known
                    : new ReachableMemo(scores, rated, ReachableTotals(scores, rated)))).Totals
            : ReachableTotals(scores, rated);
        var min = reachable.FirstReachable();
        var max = reachable.LastReachable();
        for (var i = 0; i < bands.Length; i++)
        {
            var low = bands[i].Bound;
            var high = i == 0 ? int.MaxValue : bands[i - 1].Bound - 1;
            if (high < low) continue;
            if (!reachable.AnyBetween(low, high))
                report(DiagnosticCatalog.OverallInvalid(bands[i].Location,
                    $"Band '{bands[i].LevelName}' (from {low}) can never be reached: the {rated} rated standard{(rated == 1 ? "" : "s")} score between {min} and {max} in total."));
        }
    }

    /// <summary>
    /// The totals reachable by adding one score per rated standard, as a bit set over 0..max: one
    /// pass of shifts per standard (so a thousand standards cost a thousand passes over a few
    /// hundred words, not a set of every total per step).
    /// </summary>
    private static Totals ReachableTotals(int[] scores, int count)
    {
        if (scores.Length == 0 || scores.Any(s => s < 0)) return Totals.Fallback(scores, count);
        var top = (long)scores.Max() * count;
        if (top > 50_000_000) return Totals.Fallback(scores, count);
        var words = (int)(top / 64) + 1;
        var current = new ulong[words];
        var next = new ulong[words];
        current[0] = 1;
        for (var s = 0; s < count; s++)
        {
            Array.Clear(next);
            foreach (var score in scores) OrShifted(current, next, score);
            (current, next) = (next, current);
        }
        return new Totals(current, null);
    }

    private static void OrShifted(ulong[] source, ulong[] target, int shift)
    {
        var wordShift = shift / 64;
        var bitShift = shift % 64;
        for (var i = target.Length - 1; i >= wordShift; i--)
        {
            var j = i - wordShift;
            var value = source[j] << bitShift;
            if (bitShift != 0 && j > 0) value |= source[j - 1] >> (64 - bitShift);
            target[i] |= value;
        }
    }

    /// <summary>Reachable totals: a bit set, or for unusual scales (negative or huge scores) a plain set.</summary>
    private sealed record ReachableMemo(int[] Scores, int Count, Totals Totals);

    private sealed class Totals(ulong[]? bits, HashSet<int>? set)
    {
        public static Totals Fallback(int[] scores, int count)
        {
            var reachable = new HashSet<int> { 0 };
            for (var s = 0; s < count; s++)
                reachable = [.. reachable.SelectMany(total => scores.Select(score => total + score))];
            return new Totals(null, reachable);
        }

        public bool Contains(int total) => bits is not null
            ? total >= 0 && total / 64 < bits.Length && (bits[total / 64] & (1UL << (total % 64))) != 0
            : set!.Contains(total);

        public int FirstReachable() => bits is not null ? Scan(0, 1) : set!.DefaultIfEmpty().Min();

        public int LastReachable() => bits is not null ? Math.Max(0, Scan(bits.Length * 64 - 1, -1)) : set!.Count == 0 ? 0 : set.Max();

        public bool AnyBetween(int low, int high)
        {
            if (bits is null) return set!.Any(t => t >= low && t <= high);
            var from = Math.Max(low, 0);
            var to = (int)Math.Min(high, (long)bits.Length * 64 - 1);
            for (var t = from; t <= to; t++)
            {
                if (t % 64 == 0 && t + 63 <= to && bits[t / 64] == 0) { t += 63; continue; }
                if (Contains(t)) return true;
            }
            return false;
        }

        private int Scan(int start, int step)
        {
            for (var t = start; t >= 0 && t < bits!.Length * 64; t += step)
                if (Contains(t)) return t;
            return 0;
        }
    }
}
