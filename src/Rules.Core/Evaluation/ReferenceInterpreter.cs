using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Evaluation;

/// <summary>
/// The plain definition of how one case is evaluated against a framework: field and answer
/// validation, applicability (own condition and every enclosing one), missing answers, checks and
/// signals. Written for clarity, not speed; the engine's compiled evaluator is tested against it.
/// </summary>
public sealed class ReferenceInterpreter(SemanticModel model)
{
    public SemanticModel Model { get; } = model;

    public CaseEvaluation Evaluate(CaseAssessment assessment, bool allowMissing = false)
    {
        var problems = new List<CaseProblem>();
        var fields = ValidateFields(assessment, problems);
        var answers = ValidateAnswers(assessment, problems);
        var view = new View(fields, answers);

        foreach (var question in Model.Questions)
        {
            var applies = view.Applies(question);
            var given = assessment.Answers.ContainsKey(question.Code);
            if (applies && !answers.ContainsKey(question) && !given)
                problems.Add(DiagnosticCatalog.MissingAnswer(Binder.Capitalize(question.Display), question.Code, allowMissing));
            else if (!applies && given)
                problems.Add(DiagnosticCatalog.AnswerForInapplicableItem(question.Display, question.Code));
        }
        foreach (var standard in Model.Standards) view.Applies(standard);

        var failed = new List<CheckSymbol>();
        var signals = new List<CheckSymbol>();
        foreach (var check in Model.AllChecks)
        {
            if (check.Owner is not null && !view.Applies(check.Owner)) continue;
            if (!ConditionEvaluator.IsTrue(check.Condition, view)) continue;
            if (check.IsSignal)
            {
                signals.Add(check);
                problems.Add(DiagnosticCatalog.SignalRaised(check.Message));
            }
            else
            {
                failed.Add(check);
                problems.Add(DiagnosticCatalog.CheckFailed(check.Message));
            }
        }

        return new CaseEvaluation(
            assessment,
            view.Applicability.ToImmutableDictionary(),
            answers.ToImmutableDictionary(),
            fields.ToImmutableDictionary(),
            [.. problems],
            [.. failed],
            [.. signals]);
    }

    private Dictionary<CaseFieldSymbol, CaseValue> ValidateFields(CaseAssessment assessment, List<CaseProblem> problems)
    {
        var fields = new Dictionary<CaseFieldSymbol, CaseValue>();
        foreach (var (name, value) in assessment.Fields.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var field = Model.FindField(name);
            if (field is null)
            {
                problems.Add(DiagnosticCatalog.UnknownField(name));
                continue;
            }
            if (CheckFieldValue(field, value) is { } problem)
            {
                problems.Add(problem);
                continue;
            }
            fields[field] = value;
        }
        return fields;
    }

    /// <summary>RL1003 when a case value does not fit its field's type; null when it fits.</summary>
    public static CaseProblem? CheckFieldValue(CaseFieldSymbol field, CaseValue value)
    {
        var options = string.Join(", ", field.Values.Select(v => v.Name));
        return (field.Type, value) switch
        {
            (FieldTypeKind.Number, CaseValue.Number) => null,
            (FieldTypeKind.Boolean, CaseValue.Boolean) => null,
            (FieldTypeKind.Enum, CaseValue.Text t) when field.FindValue(t.Value) is not null => null,
            (FieldTypeKind.Set, CaseValue.List l) when l.Values.All(v => field.FindValue(v) is not null) => null,
            (FieldTypeKind.Number, _) => DiagnosticCatalog.FieldValueNotAllowed(field.Name, Show(value), "a number"),
            (FieldTypeKind.Boolean, _) => DiagnosticCatalog.FieldValueNotAllowed(field.Name, Show(value), "true or false"),
            (FieldTypeKind.Enum, _) => DiagnosticCatalog.FieldValueNotAllowed(field.Name, Show(value), $"one of {options}"),
            _ => DiagnosticCatalog.FieldValueNotAllowed(field.Name, Show(value), $"a list of {options}"),
        };
    }

    private static string Show(CaseValue value) => value is CaseValue.Text t ? $"'{t.Value}'" : value.ToString() ?? "";

    private Dictionary<QuestionSymbol, AnswerOptionSymbol> ValidateAnswers(CaseAssessment assessment, List<CaseProblem> problems)
    {
        var answers = new Dictionary<QuestionSymbol, AnswerOptionSymbol>();
        foreach (var (code, optionName) in assessment.Answers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var question = Model.FindQuestion(code);
            if (question is null)
            {
                problems.Add(DiagnosticCatalog.UnknownCode(code));
                continue;
            }
            var set = question.AnswerSet;
            if (set is null) continue;
            var option = set.FindOption(optionName);
            if (option is null)
            {
                problems.Add(DiagnosticCatalog.OptionNotInSet(code, optionName, set.Name, set.Options.Select(o => o.Name)));
                continue;
            }
            answers[question] = option;
        }
        return answers;
    }

    private sealed class View(
        Dictionary<CaseFieldSymbol, CaseValue> fields,
        Dictionary<QuestionSymbol, AnswerOptionSymbol> answers) : ICaseView
    {
        private readonly HashSet<RoutedSymbol> _inProgress = new();

        public Dictionary<RoutedSymbol, bool> Applicability { get; } = new();

        public bool Applies(RoutedSymbol item)
        {
            if (Applicability.TryGetValue(item, out var known)) return known;
            // Routing cycles are compile errors (RL0201); if one slips through, the item does not apply.
            if (!_inProgress.Add(item)) return false;
            var applies = (item.Parent is null || Applies(item.Parent))
                          && (item.Condition is null || ConditionEvaluator.IsTrue(item.Condition, this));
            _inProgress.Remove(item);
            Applicability[item] = applies;
            return applies;
        }

        public AnswerOptionSymbol? AnswerOf(QuestionSymbol question) =>
            Applies(question) ? answers.GetValueOrDefault(question) : null;

        public CaseValue? ValueOf(CaseFieldSymbol field) => fields.GetValueOrDefault(field);

    }
}
