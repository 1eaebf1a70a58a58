using Rules.Engine.Aggregation;
using Rules.Engine.Input;

namespace Rules.Engine.Evaluation;

/// <summary>
/// Evaluates case records against a <see cref="CompiledFramework"/>: decides which items apply,
/// adds RL1004 (missing answer), RL1102 (answer for an item that does not apply), RL1005 (check)
/// and RL1101 (signal) to the record, and counts evaluated cases. Same meaning as Rules.Core's
/// ReferenceInterpreter; allocates only for problems. Not thread-safe: one per thread.
/// </summary>
public sealed class CaseEvaluator
{
    private readonly EvaluationScope _scope;
    private readonly int[] _groups;

    public CaseEvaluator(CompiledFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        Framework = framework;
        _scope = new EvaluationScope(framework);
        _groups = new int[framework.Layout.BreakdownGroups];
    }

    public CompiledFramework Framework { get; }

    /// <summary>
    /// Evaluates the record (read against <see cref="CompiledFramework.Schema"/>) and adds its
    /// problems to it. With <paramref name="allowMissing"/>, a missing answer is a warning and the
    /// item is left out of the case's counts. Afterwards <see cref="Applies"/> answers for this case.
    /// </summary>
    public void Evaluate(CaseRecord record, bool allowMissing = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!ReferenceEquals(record.Schema, Framework.Schema))
            throw new ArgumentException("The record was read against another schema.", nameof(record));
        _scope.Begin(record);
        var questions = Framework.Schema.Questions;
        for (var slot = 0; slot < questions.Length; slot++)
        {
            var applies = _scope.Applies(Framework.ItemOfAnswer[slot]);
            var given = record.IsAnswerGiven(slot);
            if (applies && !given)
            {
                var messages = Framework.MissingAnswer[slot];
                Add(record, ProblemIds.MissingAnswer, allowMissing ? ProblemSeverity.Warning : ProblemSeverity.Rejection,
                    allowMissing ? messages.Allowed : messages.Rejected, questions[slot].Code);
            }
            else if (!applies && given)
            {
                Add(record, ProblemIds.AnswerNotApplicable, ProblemSeverity.Warning, Framework.AnswerNotApplicable[slot], questions[slot].Code);
            }
        }

        foreach (var check in Framework.Checks)
        {
            if (check.Owner >= 0 && !_scope.Applies(check.Owner)) continue;
            if (!check.Condition(_scope).IsTrue) continue;
            if (check.Symbol.IsSignal)
                Add(record, ProblemIds.Signal, ProblemSeverity.Warning, check.Symbol.Message, check.Symbol.Owner?.Code);
            else
                Add(record, ProblemIds.CheckFailed, ProblemSeverity.Rejection, check.Symbol.Message, check.Symbol.Owner?.Code);
        }
    }

    /// <summary>Whether a key question, prompt or standard applies to the record last evaluated.</summary>
    public bool Applies(Rules.Core.Semantics.RoutedSymbol item)
    {
        ArgumentNullException.ThrowIfNull(item);
        for (var i = 0; i < Framework.Items.Length; i++)
        {
            if (ReferenceEquals(Framework.Items[i].Symbol, item)) return _scope.Applies(i);
        }

        return false;
    }

    /// <summary>
    /// Counts the record last evaluated into <paramref name="counters"/> (call only when it is not
    /// rejected): the case, each applicable and answered key question and prompt, and its breakdown groups.
    /// </summary>
    public void Count(InspectionCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var record = _scope.Record;
        counters.CountCase();
        var groupCount = 0;
        foreach (var breakdown in Framework.Breakdowns)
        {
            for (var g = 0; g < breakdown.GroupCount; g++)
            {
                if (breakdown.Contains(record, g)) _groups[groupCount++] = breakdown.FirstGroup + g;
            }
        }

        var keySlots = Framework.KeyQuestionSlots;
        for (var k = 0; k < keySlots.Length; k++)
        {
            var option = _scope.AnswerOf(keySlots[k]);
            if (option < 0) continue;
            var positive = Framework.OptionOutcomes[keySlots[k]][option] == (int)Rules.Core.Semantics.OptionOutcome.Positive;
            counters.CountKeyQuestion(k, positive);
            for (var g = 0; g < groupCount; g++) counters.CountBreakdown(_groups[g], k, positive);
        }

        var promptSlots = Framework.PromptSlots;
        for (var p = 0; p < promptSlots.Length; p++)
        {
            var option = _scope.AnswerOf(promptSlots[p]);
            if (option >= 0) counters.CountPrompt(p, option);
        }
    }

    private static void Add(CaseRecord record, string id, ProblemSeverity severity, string detail, string? subject) =>
        record.AddProblem(new RecordProblem(id, severity, detail, record.Id, record.Line, subject));
}
