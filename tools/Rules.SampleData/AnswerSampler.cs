using System.Collections.Immutable;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;

namespace Rules.SampleData;

/// <summary>
/// Answers the items that apply to a case, in <see cref="RoutingOrder"/>. The chance of a positive
/// answer mixes: a rate fixed per key question (engagement and desistance 60-75%, safety —
/// "keeping other people safe", "risk of harm" — 50-64%, before the case's risk lowers it, as in the bulletins' annex tables);
/// the inspection's quality; a per-case quality shared by all its answers; the case's risk
/// (RoSH, likelihood of reoffending, caseload). Prompts follow their key question's answer.
/// Options marked not_applicable ("There were none...") are chosen at a fixed small rate.
/// </summary>
public sealed class AnswerSampler
{
    private readonly ImmutableArray<QuestionSymbol> _order;
    private readonly double[] _baseLogit;
    private readonly OptionGroups[] _groups;
    private readonly int[] _keyQuestionAt;
    private readonly CaseFieldSymbol? _rosh;
    private readonly CaseFieldSymbol? _reoffending;
    private readonly CaseFieldSymbol? _caseload;

    public AnswerSampler(SemanticModel model)
    {
        _order = RoutingOrder.Of(model);
        _baseLogit = new double[_order.Length];
        _groups = new OptionGroups[_order.Length];
        _keyQuestionAt = new int[_order.Length];
        var groups = new Dictionary<AnswerSetSymbol, OptionGroups>();
        for (var i = 0; i < _order.Length; i++)
        {
            var question = _order[i];
            var keyQuestion = question as KeyQuestionSymbol ?? ((PromptSymbol)question).KeyQuestion;
            var safety = IsSafety(keyQuestion.Text);
            var rate = safety ? 0.50 + 0.14 * StableHash.Unit(keyQuestion.Code) : 0.60 + 0.15 * StableHash.Unit(keyQuestion.Code);
            var logit = Draw.Logit(rate);
            if (question is PromptSymbol) logit += 0.6 * (StableHash.Unit(question.Code + "#") - 0.5);
            _baseLogit[i] = logit;
            var set = question.AnswerSet!;
            if (!groups.TryGetValue(set, out var group)) groups[set] = group = new OptionGroups(set);
            _groups[i] = group;
            _keyQuestionAt[i] = question is PromptSymbol p ? _order.IndexOf(p.KeyQuestion) : -1;
        }
        _rosh = model.FindField("rosh");
        _reoffending = model.FindField("reoffending");
        _caseload = model.FindField("caseload");
    }

    /// <summary>Key questions and prompts in the order they are decided.</summary>
    public ImmutableArray<QuestionSymbol> Order => _order;

    public static bool IsSafety(string text) =>
        text.Contains("safe", StringComparison.OrdinalIgnoreCase) || text.Contains("risk of harm", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers every item that applies to the draft (its fields set), and no other.</summary>
    public void Answer(CaseDraft draft, Draw draw, double inspectionShift)
    {
        var caseShift = 0.8 * draw.Normal() + inspectionShift - RiskOf(draft);
        Span<sbyte> outcome = stackalloc sbyte[_order.Length];
        for (var i = 0; i < _order.Length; i++)
        {
            var question = _order[i];
            if (!draft.Applies(question)) continue;
            var logit = _baseLogit[i] + caseShift;
            if (_keyQuestionAt[i] >= 0)
                logit += outcome[_keyQuestionAt[i]] > 0 ? 1.4 : -1.3;
            var option = _groups[i].Choose(draw, Draw.Logistic(logit));
            outcome[i] = option.Outcome == OptionOutcome.Positive ? (sbyte)1 : (sbyte)-1;
            draft.Answers[question] = option;
        }
    }

    private double RiskOf(CaseDraft draft)
    {
        var risk = 0.0;
        if (_rosh is not null && draft.ValueOf(_rosh) is CaseValue.Text r && _rosh.FindValue(r.Value) is { } rosh)
            risk += 0.12 * rosh.Index;
        if (_reoffending is not null && draft.ValueOf(_reoffending) is CaseValue.Text o && _reoffending.FindValue(o.Value) is { } reoffending)
            risk += 0.10 * reoffending.Index;
        if (_caseload is not null && draft.ValueOf(_caseload) is CaseValue.Number { Value: > 50 })
            risk += 0.25;
        return risk;
    }

    /// <summary>An answer set's options by outcome, for drawing an answer.</summary>
    private sealed class OptionGroups
    {
        private readonly AnswerOptionSymbol[] _positive;
        private readonly AnswerOptionSymbol[] _negative;
        private readonly double[] _negativeWeights;
        private readonly AnswerOptionSymbol[] _notApplicable;

        public OptionGroups(AnswerSetSymbol set)
        {
            _positive = [.. set.Options.Where(o => o.Outcome == OptionOutcome.Positive)];
            _negative = [.. set.Options.Where(o => o.Outcome == OptionOutcome.Negative)];
            // The first negative option ("No, and should have done") is the usual one.
            _negativeWeights = [.. _negative.Select((_, i) => i == 0 ? 3.0 : 1.0)];
            _notApplicable = [.. set.Options.Where(o => o.Outcome == OptionOutcome.NotApplicable)];
            if (set.Options.IsEmpty) throw new SampleDataException($"Answer set '{set.Name}' has no options.");
        }

        public AnswerOptionSymbol Choose(Draw draw, double positive)
        {
            if (_notApplicable.Length > 0 && draw.Chance(0.16))
                return _notApplicable[draw.Between(0, _notApplicable.Length - 1)];
            if (_positive.Length > 0 && (_negative.Length == 0 || draw.Chance(positive)))
                return _positive[draw.Between(0, _positive.Length - 1)];
            if (_negative.Length > 0) return _negative[draw.Weighted(_negativeWeights)];
            return _notApplicable[draw.Between(0, _notApplicable.Length - 1)];
        }
    }
}
