using System.Collections.Immutable;

namespace Rules.Engine.Reports;

/// <summary>
/// The results for one inspection (<c>"*"</c> for all cases together; <c>""</c> for cases that name
/// no inspection): JSON <c>{ inspection, cases, keyQuestions, prompts, standards, overall, breakdowns }</c>.
/// </summary>
public sealed record InspectionReport(
    string Inspection,
    long Cases,
    ImmutableArray<KeyQuestionResult> KeyQuestions,
    ImmutableArray<PromptResult> Prompts,
    ImmutableArray<StandardResult> Standards,
    OverallResult Overall,
    ImmutableArray<BreakdownResult> Breakdowns);
