using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0304: a case may fall in at most one group of a breakdown.</summary>
public sealed class BreakdownGroupsRule : IFileLintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0304];

    public void Analyze(SemanticModel model, Action<Diagnostic> report) => IFileLintRule.AnalyzeOwnFiles(this, model, null, report);

    void IFileLintRule.AnalyzeFile(FileBinding file, LintCache? cache, Action<Diagnostic> report)
    {
        foreach (var breakdown in file.Breakdowns)
        {
            var groups = breakdown.Groups;
            for (var i = 0; i < groups.Length; i++)
            {
                var g = groups[i];
                if (g.Low is { } lo && g.High is { } hi && hi < lo)
                    report(DiagnosticCatalog.BreakdownInvalid(g.Location, $"Group \"{g.Label}\" runs from {lo} down to {hi}; write the smaller number first."));
                for (var j = 0; j < i; j++)
                {
                    var other = groups[j];
                    var overlap = Overlap(g, other);
                    if (overlap is not null)
                        report(DiagnosticCatalog.BreakdownInvalid(g.Location,
                            $"Groups \"{other.Label}\" and \"{g.Label}\" of breakdown '{breakdown.Name}' overlap ({overlap}); a case must fall in one group only."));
                }
            }
        }
    }

    private static string? Overlap(BreakdownGroup a, BreakdownGroup b)
    {
        var shared = a.Values.Select(v => v.Name).Intersect(b.Values.Select(v => v.Name)).ToList();
        if (shared.Count > 0) return "both hold " + string.Join(", ", shared);
        if (a.Boolean is { } x && b.Boolean is { } y && x == y) return $"both are {(x ? "true" : "false")}";
        if (a.Low is { } aLow && b.Low is { } bLow)
        {
            var aHigh = a.High ?? double.PositiveInfinity;
            var bHigh = b.High ?? double.PositiveInfinity;
            if (Math.Max(aLow, bLow) <= Math.Min(aHigh, bHigh))
                return $"both hold {Math.Max(aLow, bLow)}";
        }
        return null;
    }
}
