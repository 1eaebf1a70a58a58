using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0201: an item's applicability may not depend, through conditions, on itself.</summary>
public sealed class RoutingCycleRule : ILintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0201];

    public void Analyze(SemanticModel model, Action<Diagnostic> report)
    {
        var items = new List<RoutedSymbol>(model.Standards);
        items.AddRange(model.Questions);
        var state = new Dictionary<RoutedSymbol, int>();
        var path = new List<RoutedSymbol>();
        var reported = new HashSet<string>();

        // Each item's edges, worked out once: the questions its condition names (each once, in order), then its parent.
        var edges = new Dictionary<RoutedSymbol, List<(RoutedSymbol Target, bool ByCondition)>>();
        List<(RoutedSymbol Target, bool ByCondition)> Edges(RoutedSymbol s)
        {
            if (edges.TryGetValue(s, out var list)) return list;
            list = [];
            if (s.Condition is not null)
                foreach (var question in ConditionReferences.QuestionsReadBy(s.Condition)) list.Add((question, true));
            if (s.Parent is not null) list.Add((s.Parent, false));
            edges[s] = list;
            return list;
        }

        void Visit(RoutedSymbol s)
        {
            state[s] = 1;
            path.Add(s);
            foreach (var (target, _) in Edges(s))
            {
                var st = state.GetValueOrDefault(target);
                if (st == 1)
                {
                    var cycle = path.Skip(path.IndexOf(target)).Append(target).ToList();
                    var key = string.Join(",", cycle.Skip(1).Select(c => c.Code).OrderBy(c => c, StringComparer.Ordinal));
                    if (!reported.Add(key)) continue;
                    // Report at the first item whose own condition makes a step of the cycle.
                    var at = cycle.Take(cycle.Count - 1).FirstOrDefault(c => c.Condition is not null && Edges(c).Any(e => e.ByCondition && cycle.Contains(e.Target))) ?? s;
                    var location = at.Condition is null ? at.Location : BoundExpressionFacts.LocationOf(at, at.Condition);
                    report(DiagnosticCatalog.RoutingCycle(location, string.Join(" → ", cycle.Select(c => c.Code))));
                }
                else if (st == 0)
                {
                    Visit(target);
                }
            }
            path.RemoveAt(path.Count - 1);
            state[s] = 2;
        }

        foreach (var item in items)
            if (state.GetValueOrDefault(item) == 0) Visit(item);
    }
}
