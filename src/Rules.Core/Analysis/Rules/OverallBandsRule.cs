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
        var rated = model.Standards.Count(s => s.IsRated);
        if (bands.Length == 0)
        {
            if (rated > 0)
                report(DiagnosticCatalog.OverallInvalid(framework.Location, "The framework has rated standards but no overall bands; add 'overall { ... from N }' to turn their scores into an overall rating."));
            return;
        }
        for (var i = 1; i < bands.Length; i++)
            if (bands[i].Bound >= bands[i - 1].Bound)
                report(DiagnosticCatalog.OverallInvalid(bands[i].Location,
                    $"Band '{bands[i].LevelName}' starts at {bands[i].Bound}, which is not below '{bands[i - 1].LevelName}' ({bands[i - 1].Bound}); list bands best first with falling bounds."));
        if (bands[^1].Bound != 0)
            report(DiagnosticCatalog.OverallInvalid(bands[^1].Location, $"The last band, '{bands[^1].LevelName}', must start from 0; it starts at {bands[^1].Bound}."));

        // Every total a framework can score: each rated standard adds one of the scale's scores.
        var scores = framework.Scale.Levels.Select(l => l.Score).Distinct().ToArray();
        var reachable = new HashSet<int> { 0 };
        for (var s = 0; s < rated; s++)
            reachable = [.. reachable.SelectMany(total => scores.Select(score => total + score))];
        var max = reachable.Count == 0 ? 0 : reachable.Max();
        for (var i = 0; i < bands.Length; i++)
        {
            var low = bands[i].Bound;
            var high = i == 0 ? int.MaxValue : bands[i - 1].Bound - 1;
            if (high < low) continue;
            if (!reachable.Any(t => t >= low && t <= high))
                report(DiagnosticCatalog.OverallInvalid(bands[i].Location,
                    $"Band '{bands[i].LevelName}' (from {low}) can never be reached: the {rated} rated standard{(rated == 1 ? "" : "s")} score between {reachable.DefaultIfEmpty().Min()} and {max} in total."));
        }
    }
}
