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

    public static ImmutableArray<Diagnostic> Analyze(SemanticModel model) => Analyze(model, null);

    /// <summary>
    /// As above; with a <paramref name="cache"/> kept from earlier compilations, rules that look at one file's
    /// syntax alone run only on files that changed, and conditions already judged are not searched again. Rules that
    /// look at one file's binding keep their findings with it, so they run only on the files an edit bound again.
    /// </summary>
    public static ImmutableArray<Diagnostic> Analyze(SemanticModel model, LintCache? cache)
    {
        var own = new HashSet<Text.SourceText>(model.Trees.Select(t => t.Text));
        // Per-file rules share one cache across the run's files even without a kept one (one check): the
        // condition analysis then searches a condition written in several files once.
        var runCache = cache ?? new LintCache();
        var results = new List<Diagnostic>();
        foreach (var rule in Rules)
        {
            if (cache is not null && rule is ISyntaxLintRule syntaxRule)
            {
                foreach (var tree in model.Trees) results.AddRange(cache.FindingsIn(tree, syntaxRule));
                continue;
            }
            if (rule is IFileLintRule fileRule)
            {
                // Kept with each file's binding, which the next compilation reuses unless the file is bound again.
                foreach (var file in model.Files)
                {
                    if (file.Imported) continue;
                    if (!file.LintFindings.TryGetValue(rule.GetType(), out var findings))
                    {
                        var list = ImmutableArray.CreateBuilder<Diagnostic>();
                        fileRule.AnalyzeFile(file, runCache, d => { if (own.Contains(d.Location.Source)) list.Add(d); });
                        findings = file.LintFindings.GetOrAdd(rule.GetType(), list.ToImmutable());
                    }
                    results.AddRange(findings);
                }
                continue;
            }
            rule.Analyze(model, cache, d => { if (own.Contains(d.Location.Source)) results.Add(d); });
        }
        return [.. results];
    }
}
