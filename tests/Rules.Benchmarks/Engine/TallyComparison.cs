using Rules.Engine.Aggregation;
using Rules.Engine.Evaluation;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// Compares the engine's counts (<see cref="InspectionTally"/>) with the yardstick's
/// (<see cref="HandWrittenTally"/>), matching key questions and prompts by code and breakdown
/// groups by breakdown name and label. Empty when every count agrees.
/// </summary>
public static class TallyComparison
{
    public static IReadOnlyList<string> Differences(CompiledFramework framework, InspectionTally engine, HandWrittenEvaluator yardstick, HandWrittenTally hand)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(yardstick);
        ArgumentNullException.ThrowIfNull(hand);
        var differences = new List<string>();
        var engineInspections = engine.Inspections.Select(c => c.Inspection).Order(StringComparer.Ordinal).ToList();
        var handInspections = hand.Inspections.Keys.Order(StringComparer.Ordinal).ToList();
        if (!engineInspections.SequenceEqual(handInspections))
            differences.Add($"inspections: engine [{string.Join(", ", engineInspections)}], yardstick [{string.Join(", ", handInspections)}]");

        var pairs = engine.Inspections.Where(c => hand.Inspections.ContainsKey(c.Inspection))
            .Select(c => (Engine: c, Hand: hand.Inspections[c.Inspection]))
            .Append((Engine: engine.All(), Hand: hand.All()));
        foreach (var (ours, theirs) in pairs)
        {
            var name = ours.Inspection;
            if (ours.Cases != theirs.Cases) differences.Add($"{name}: cases {ours.Cases} vs {theirs.Cases}");
            for (var k = 0; k < framework.KeyQuestions.Length; k++)
            {
                var code = framework.KeyQuestions[k].Code;
                var h = IndexOf(yardstick.KeyQuestionCodes, code);
                if (h < 0)
                {
                    differences.Add($"key question {code} is not counted by the yardstick");
                    continue;
                }

                var proportion = ours.KeyQuestion(k);
                if (proportion.Applicable != theirs.KeyApplicable[h] || proportion.Positive != theirs.KeyPositive[h])
                    differences.Add($"{name} {code}: {proportion.Positive}/{proportion.Applicable} vs {theirs.KeyPositive[h]}/{theirs.KeyApplicable[h]}");

                foreach (var breakdown in framework.Breakdowns)
                {
                    for (var g = 0; g < breakdown.GroupCount; g++)
                    {
                        var hg = IndexOf(yardstick.BreakdownGroups, (breakdown.Symbol.Name, breakdown.GroupLabel(g)));
                        if (hg < 0)
                        {
                            differences.Add($"breakdown group {breakdown.Symbol.Name} '{breakdown.GroupLabel(g)}' is not counted by the yardstick");
                            continue;
                        }

                        var row = ours.Breakdown(breakdown.FirstGroup + g, k);
                        var at = (hg * yardstick.KeyQuestionCodes.Count) + h;
                        if (row.Applicable != theirs.GroupApplicable[at] || row.Positive != theirs.GroupPositive[at])
                            differences.Add($"{name} {breakdown.Symbol.Name} '{breakdown.GroupLabel(g)}' {code}: {row.Positive}/{row.Applicable} vs {theirs.GroupPositive[at]}/{theirs.GroupApplicable[at]}");
                    }
                }
            }

            for (var p = 0; p < framework.Prompts.Length; p++)
            {
                var code = framework.Prompts[p].Code;
                var h = IndexOf(yardstick.PromptCodes, code);
                if (h < 0)
                {
                    differences.Add($"prompt {code} is not counted by the yardstick");
                    continue;
                }

                if (ours.PromptApplicable(p) != theirs.PromptApplicable[h] || !ours.PromptOptions(p).SequenceEqual(theirs.PromptOptions[h]))
                    differences.Add($"{name} {code}: {ours.PromptApplicable(p)} [{string.Join(", ", ours.PromptOptions(p).ToArray())}] vs {theirs.PromptApplicable[h]} [{string.Join(", ", theirs.PromptOptions[h])}]");
            }
        }

        if (yardstick.KeyQuestionCodes.Count != framework.KeyQuestions.Length) differences.Add($"key questions: engine {framework.KeyQuestions.Length}, yardstick {yardstick.KeyQuestionCodes.Count}");
        if (yardstick.PromptCodes.Count != framework.Prompts.Length) differences.Add($"prompts: engine {framework.Prompts.Length}, yardstick {yardstick.PromptCodes.Count}");
        if (yardstick.BreakdownGroups.Count != framework.Layout.BreakdownGroups) differences.Add($"breakdown groups: engine {framework.Layout.BreakdownGroups}, yardstick {yardstick.BreakdownGroups.Count}");
        return differences;
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], item)) return i;
        }

        return -1;
    }
}
