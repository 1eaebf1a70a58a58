using System.Collections.Immutable;
using Rules.Core.Analysis.Rules;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis;

/// <summary>Runs every lint rule over a model, keeping only what falls in the model's own files.</summary>
public static class Analyzer
{
    public static ImmutableArray<ILintRule> Rules { get; } =
    [
        new RoutingCycleRule(),
        new ConditionSatisfiabilityRule(),
        new PositiveOptionRule(),
        new ScaleLevelsRule(),
        new OverallBandsRule(),
        new StandardRatingRule(),
        new BreakdownGroupsRule(),
        new UnusedDeclarationRule(),
        new EmptyTextRule(),
        new NumberingRule(),
    ];

    public static ImmutableArray<Diagnostic> Analyze(SemanticModel model)
    {
        var own = new HashSet<Text.SourceText>(model.Trees.Select(t => t.Text));
        var results = new List<Diagnostic>();
        foreach (var rule in Rules)
            rule.Analyze(model, d => { if (own.Contains(d.Location.Source)) results.Add(d); });
        return [.. results];
    }
}
