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
        // Items are numbered once; the graph is arrays of numbers, walked without recursion (a framework may
        // chain thousands of questions, each routed on the one before).
        var items = new List<RoutedSymbol>(model.Standards.Length + model.Questions.Length);
        items.AddRange(model.Standards);
        items.AddRange(model.Questions);
        var index = new Dictionary<RoutedSymbol, int>(items.Count, ReferenceEqualityComparer.Instance);
        foreach (var item in items) index.TryAdd(item, index.Count);

        // Each item's edges: the questions its condition reads (each once, in order), then its parent.
        var conditionEdges = new int[items.Count][];
        var parents = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            conditionEdges[i] = item.Condition is null
                ? []
                : [.. ConditionReferences.QuestionsReadBy(item.Condition).Select(q => index.GetValueOrDefault(q, -1)).Where(t => t >= 0)];
            parents[i] = item.Parent is { } parent ? index.GetValueOrDefault(parent, -1) : -1;
        }
        int EdgeCount(int i) => conditionEdges[i].Length + (parents[i] >= 0 ? 1 : 0);
        int Target(int i, int e) => e < conditionEdges[i].Length ? conditionEdges[i][e] : parents[i];

        var state = new byte[items.Count]; // 0 unvisited, 1 on the path, 2 done
        var path = new List<int>();
        var nextEdge = new List<int>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < items.Count; start++)
        {
            if (state[start] != 0) continue;
            state[start] = 1;
            path.Add(start);
            nextEdge.Add(0);
            while (path.Count > 0)
            {
                var s = path[^1];
                var e = nextEdge[^1];
                if (e == EdgeCount(s))
                {
                    state[s] = 2;
                    path.RemoveAt(path.Count - 1);
                    nextEdge.RemoveAt(nextEdge.Count - 1);
                    continue;
                }
                nextEdge[^1] = e + 1;
                var target = Target(s, e);
                if (state[target] == 1) ReportCycle(path, target, s);
                else if (state[target] == 0)
                {
                    state[target] = 1;
                    path.Add(target);
                    nextEdge.Add(0);
                }
            }
        }

        void ReportCycle(List<int> onPath, int target, int from)
        {
            var cycle = onPath.Skip(onPath.IndexOf(target)).Append(target).ToList();
            var key = string.Join(",", cycle.Skip(1).Select(c => items[c].Code).OrderBy(c => c, StringComparer.Ordinal));
            if (!reported.Add(key)) return;
            // Report at the first item whose own condition makes a step of the cycle.
            var atIndex = cycle.Take(cycle.Count - 1).Cast<int?>()
                .FirstOrDefault(c => items[c!.Value].Condition is not null && conditionEdges[c.Value].Any(cycle.Contains)) ?? from;
            var at = items[atIndex];
            var location = at.Condition is null ? at.Location : BoundExpressionFacts.LocationOf(at, at.Condition);
            report(DiagnosticCatalog.RoutingCycle(location, string.Join(" → ", cycle.Select(c => items[c].Code))));
        }
    }
}
