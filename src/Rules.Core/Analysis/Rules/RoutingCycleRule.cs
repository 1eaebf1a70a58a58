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
        // After an edit, the reused files' items point only at reused items (a file pointing into a bound file is
        // bound too), so a cycle among them was there before the edit, and any new cycle passes through an item of a
        // bound file. When the reused files' items have no cycle (found once for as long as the same files are
        // reused), a search from the bound files' items that finds none proves there is none; otherwise (a cycle
        // anywhere) the whole search runs, so that what is reported is what a fresh check reports.
        if (model.State.ColdTable is { } cold)
        {
            var reusedAcyclic = (bool)cold.LintMemo.GetOrAdd(typeof(RoutingCycleRule),
                _ => !Search(model.Files.Where(model.Reused), _ => { }));
            if (reusedAcyclic && !Search(model.Files.Where(f => !model.Reused(f)), _ => { })) return;
        }
        Search(model.Files, report);
    }

    /// <summary>Searches for cycles through the items of the given files and what they reach; whether one was found.</summary>
    private static bool Search(IEnumerable<FileBinding> files, Action<Diagnostic> report)
    {
        var found = false;
        // An item's edges are the questions its condition reads, then its parent. Parent edges alone cannot make a
        // cycle, so every cycle passes through an item with a condition: the search starts from those (each file
        // lists its own, kept with its binding) and numbers only the items it reaches. An edit elsewhere then costs
        // a walk over the routed items, not over every item of the framework. No recursion: a framework may chain
        // thousands of questions, each routed on the one before.
        // Sized for every item of the files (an upper bound, unless conditions reach into other files): growing these
        // tables was most of what the search allocated.
        var capacity = 0;
        foreach (var file in files) capacity += file.Standards.Count + file.Questions.Count;
        var items = new List<RoutedSymbol>(capacity);
        var index = new Dictionary<RoutedSymbol, int>(capacity, SymbolComparer.Instance);
        var conditionEdges = new List<int[]>(capacity);
        var parents = new List<int>(capacity);
        var state = new List<byte>(capacity); // 0 unvisited, 1 on the path, 2 done
        var reader = new ConditionReferences.QuestionsRead();

        int Number(RoutedSymbol item)
        {
            if (index.TryGetValue(item, out var n)) return n;
            n = items.Count;
            index[item] = n;
            items.Add(item);
            conditionEdges.Add(null!);
            parents.Add(-1);
            state.Add(0);
            return n;
        }

        // An item's edges are worked out when the walk first enters it.
        void Expand(int i)
        {
            var item = items[i];
            if (item.Condition is null) conditionEdges[i] = [];
            else
            {
                var read = reader.Read(item.Condition);
                var edges = new int[read.Count];
                for (var k = 0; k < edges.Length; k++) edges[k] = Number(read[k]);
                conditionEdges[i] = edges;
            }
            parents[i] = item.Parent is { } parent ? Number(parent) : -1;
        }

        int EdgeCount(int i) => conditionEdges[i].Length + (parents[i] >= 0 ? 1 : 0);
        int Target(int i, int e) => e < conditionEdges[i].Length ? conditionEdges[i][e] : parents[i];

        var path = new List<int>();
        var nextEdge = new List<int>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        foreach (var routed in file.ConditionedItems())
        {
            var start = Number(routed);
            if (state[start] != 0) continue;
            state[start] = 1;
            Expand(start);
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
                    Expand(target);
                    path.Add(target);
                    nextEdge.Add(0);
                }
            }
        }

        void ReportCycle(List<int> onPath, int target, int from)
        {
            found = true;
            var cycle = onPath.Skip(onPath.IndexOf(target)).Append(target).ToList();
            var key = string.Join(",", cycle.Skip(1).Select(c => items[c].Code).OrderBy(c => c, StringComparer.Ordinal));
            if (!reported.Add(key)) return;
            // Report at the first item whose own condition makes a step of the cycle.
            var atIndex = cycle.Take(cycle.Count - 1).Cast<int?>()
                .FirstOrDefault(c => items[c!.Value].Condition is not null && conditionEdges[c.Value].Any(cycle.Contains)) ?? from;
            var at = items[atIndex];
            var location = at.Condition is null ? at.Location : BoundExpressionFacts.LocationOf(at, at.Condition);
            // The step after the reported one: where the circle goes on.
            var next = items[cycle[cycle.IndexOf(atIndex) + 1]];
            var nextAt = ReferenceEquals(next, at) ? null // an item reading itself: no other place
                : next.Condition is null
                ? new RelatedLocation(next.Location, $"{Binder.Capitalize(next.Display)}, next in the circle")
                : new RelatedLocation(BoundExpressionFacts.LocationOf(next, next.Condition), $"The condition of {next.Display}, next in the circle");
            report(DiagnosticCatalog.RoutingCycle(location, string.Join(" → ", cycle.Select(c => items[c].Code)), nextAt));
        }
        return found;
    }
}
