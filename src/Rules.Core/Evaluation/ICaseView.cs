using Rules.Core.Semantics;

namespace Rules.Core.Evaluation;

/// <summary>
/// What a condition can see of a case: the chosen option of each key question and prompt (null when
/// it is unanswered or does not apply) and each case field's value (null when the input lacks it).
/// </summary>
public interface ICaseView
{
    AnswerOptionSymbol? AnswerOf(QuestionSymbol question);

    CaseValue? ValueOf(CaseFieldSymbol field);
}
