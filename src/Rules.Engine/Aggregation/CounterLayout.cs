using System.Collections.Immutable;

namespace Rules.Engine.Aggregation;

/// <summary>
/// The shape of the counters of one framework: how many key questions, the option count of each
/// prompt, and how many breakdown groups (numbered across all breakdowns).
/// </summary>
/// <param name="KeyQuestions">Key questions, indexed 0..n-1.</param>
/// <param name="PromptOptions">For each prompt (indexed 0..n-1), the number of options of its answer set.</param>
/// <param name="BreakdownGroups">Breakdown groups over all breakdowns, indexed 0..n-1.</param>
public sealed record CounterLayout(int KeyQuestions, ImmutableArray<int> PromptOptions, int BreakdownGroups)
{
    /// <summary>The number of prompts.</summary>
    public int Prompts => PromptOptions.Length;
}
