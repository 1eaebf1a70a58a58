using System.Collections.Immutable;

namespace Rules.Engine.Evaluation;

/// <summary>
/// Which items apply together. An item applies when its parent applies and its own condition
/// holds, so items with the same parent class and a condition written the same (the seventeen key
/// questions <c>when case.interviewed</c>, a key question's prompts with no condition of their
/// own) apply together: one <see cref="RoutingClass"/>, decided once per case. A condition's value
/// is a fact about the case (what it reads, answers included, is decided per case), so sharing is
/// exact as long as no class depends on itself; a framework with a routing cycle (a compile error)
/// gets one class per item instead, which is exactly the per-item memo of the reference.
/// </summary>
internal sealed class RoutingPlan
{
    private RoutingPlan(ImmutableArray<int> itemClass, ImmutableArray<RoutingClass> classes, bool shared)
    {
        ItemClass = itemClass;
        Classes = classes;
        Shared = shared;
    }

    /// <summary>The class of each item.</summary>
    public ImmutableArray<int> ItemClass { get; }

    public ImmutableArray<RoutingClass> Classes { get; }

    /// <summary>True when items share classes; false when each item has its own (a routing cycle).</summary>
    public bool Shared { get; }

    /// <summary>
    /// Plans the items (parent index and own condition each), compiling each class's condition
    /// once with <paramref name="compiler"/>; <paramref name="itemOfAnswer"/> gives the item answered in each slot.
    /// </summary>
    public static RoutingPlan Create(IReadOnlyList<(int Parent, Core.Semantics.BoundExpression? Condition)> items, IReadOnlyList<int> itemOfAnswer, ConditionCompiler compiler)
    {
        if (TryShare(items, itemOfAnswer, compiler) is { } shared) return shared;

        // One class per item, in item order: the item's parent's class and the item's condition.
        var classes = items.Select(item => new RoutingClass(item.Parent,
            item.Condition is null ? ConditionProgram.True : compiler.CompileCondition(item.Condition))).ToImmutableArray();
        return new RoutingPlan([.. Enumerable.Range(0, items.Count)], classes, shared: false);
    }

    private static RoutingPlan? TryShare(IReadOnlyList<(int Parent, Core.Semantics.BoundExpression? Condition)> items, IReadOnlyList<int> itemOfAnswer, ConditionCompiler compiler)
    {
        // Class 0: no parent, no condition (applies to every case).
        var parents = new List<int> { -1 };
        var conditions = new List<Core.Semantics.BoundExpression?> { null };
        var byKey = new Dictionary<(int Parent, string Key), int>();
        var keys = new Core.Analysis.ConditionKey(); // the same key: the same value for every case
        var itemClass = new int[items.Count];
        Array.Fill(itemClass, -1);
        var visiting = new bool[items.Count];

        int ClassOf(int item)
        {
            if (itemClass[item] >= 0) return itemClass[item];
            if (visiting[item]) return -1; // a parent cycle
            visiting[item] = true;
            var (parent, condition) = items[item];
            var parentClass = parent < 0 ? 0 : ClassOf(parent);
            if (parentClass < 0) return -1;
            int result;
            if (condition is null)
            {
                result = parentClass;
            }
            else
            {
                var key = (parentClass, keys.Of(condition));
                if (!byKey.TryGetValue(key, out result))
                {
                    result = parents.Count;
                    parents.Add(parentClass == 0 ? -1 : parentClass);
                    conditions.Add(condition);
                    byKey.Add(key, result);
                }
            }

            itemClass[item] = result;
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (ClassOf(i) < 0) return null;
        }

        // A class depends on its parent class and on the classes of the items its condition reads.
        var dependencies = new List<int>[parents.Count];
        var slots = new List<int>();
        for (var c = 0; c < parents.Count; c++)
        {
            dependencies[c] = [];
            if (parents[c] >= 0) dependencies[c].Add(parents[c]);
            if (conditions[c] is not { } condition) continue;
            slots.Clear();
            if (!compiler.CollectAnswerSlots(condition, slots)) return null;
            foreach (var slot in slots) dependencies[c].Add(itemClass[itemOfAnswer[slot]]);
        }

        if (HasCycle(dependencies)) return null;
        var classes = parents.Select((parent, c) => new RoutingClass(parent,
            conditions[c] is { } condition ? compiler.CompileCondition(condition) : ConditionProgram.True)).ToImmutableArray();
        return new RoutingPlan([.. itemClass], classes, shared: true);
    }

    private static bool HasCycle(List<int>[] dependencies)
    {
        var state = new byte[dependencies.Length]; // 0 unseen, 1 on the path, 2 done
        var stack = new Stack<(int Node, int Next)>();
        for (var start = 0; start < dependencies.Length; start++)
        {
            if (state[start] != 0) continue;
            stack.Push((start, 0));
            state[start] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < dependencies[node].Count)
                {
                    stack.Push((node, next + 1));
                    var target = dependencies[node][next];
                    if (state[target] == 1) return true;
                    if (state[target] == 0)
                    {
                        state[target] = 1;
                        stack.Push((target, 0));
                    }
                }
                else
                {
                    state[node] = 2;
                }
            }
        }

        return false;
    }
}
