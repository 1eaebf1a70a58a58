using System.Collections.Immutable;
using Rules.Core.Semantics;

namespace Rules.Core.Evaluation;

/// <summary>
/// What the reference interpreter decided for one case: which items apply, the valid answer of each,
/// the problems found (rejections and warnings), and the checks and signals that held.
/// </summary>
public sealed record CaseEvaluation(
    CaseAssessment Case,
    ImmutableDictionary<RoutedSymbol, bool> Applies,
    ImmutableDictionary<QuestionSymbol, AnswerOptionSymbol> Answers,
    ImmutableDictionary<CaseFieldSymbol, CaseValue> Fields,
    ImmutableArray<CaseProblem> Problems,
    ImmutableArray<CheckSymbol> FailedChecks,
    ImmutableArray<CheckSymbol> RaisedSignals)
{
    public bool IsRejected => Problems.Any(p => p.IsRejection);

    public bool AppliesTo(RoutedSymbol item) => Applies.GetValueOrDefault(item);

    /// <summary>The answer counted for the item: null when it does not apply or has no valid answer.</summary>
    public AnswerOptionSymbol? AnswerOf(QuestionSymbol question) =>
        AppliesTo(question) ? Answers.GetValueOrDefault(question) : null;
}
