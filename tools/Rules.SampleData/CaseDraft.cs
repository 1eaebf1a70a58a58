using Rules.Core.Evaluation;
using Rules.Core.Semantics;

namespace Rules.SampleData;

/// <summary>
/// A case being made: its field values and the answers decided so far. As a view for
/// <see cref="ConditionEvaluator"/> it shows an answer only for an item that applies, as the
/// reference interpreter does.
/// </summary>
public sealed class CaseDraft : ICaseView
{
    private readonly Dictionary<RoutedSymbol, bool> _applies = new();

    public Dictionary<CaseFieldSymbol, CaseValue> Fields { get; } = new();

    public Dictionary<QuestionSymbol, AnswerOptionSymbol> Answers { get; } = new();

    public void Clear()
    {
        _applies.Clear();
        Fields.Clear();
        Answers.Clear();
    }

    public void ClearAnswers()
    {
        _applies.Clear();
        Answers.Clear();
    }

    /// <summary>Whether the item applies: every enclosing item applies and its own condition holds.
    /// Call it in <see cref="RoutingOrder"/>, so that every answer a condition reads is decided.</summary>
    public bool Applies(RoutedSymbol item)
    {
        if (_applies.TryGetValue(item, out var known)) return known;
        var applies = (item.Parent is null || Applies(item.Parent))
                      && (item.Condition is null || ConditionEvaluator.IsTrue(item.Condition, this));
        _applies[item] = applies;
        return applies;
    }

    public AnswerOptionSymbol? AnswerOf(QuestionSymbol question) =>
        _applies.GetValueOrDefault(question) ? Answers.GetValueOrDefault(question) : null;

    public CaseValue? ValueOf(CaseFieldSymbol field) => Fields.GetValueOrDefault(field);

    /// <summary>Whether a check or signal holds, as the reference interpreter decides it.</summary>
    public bool Holds(CheckSymbol check) =>
        (check.Owner is null || Applies(check.Owner)) && ConditionEvaluator.IsTrue(check.Condition, this);
}
