using System.Collections.Immutable;
using System.Globalization;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;
using Rules.Engine.Input;

namespace Rules.Engine.Explanations;

/// <summary>
/// Builds a <see cref="CaseExplanation"/> for one case with Rules.Core's <see cref="ReferenceInterpreter"/>
/// (the single definition of the semantics) and <see cref="ConditionEvaluator"/>.
/// </summary>
public sealed class CaseExplainer(FrameworkCaseSchema schema)
{
    private readonly ReferenceInterpreter _interpreter = new(schema.Model);

    public FrameworkCaseSchema Schema { get; } = schema;

    /// <summary>Explains a record read with <see cref="Schema"/>.</summary>
    public CaseExplanation Explain(CaseRecord record, bool allowMissing = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        var assessment = Schema.ToAssessment(record);
        var evaluation = _interpreter.Evaluate(assessment, allowMissing);
        var view = new EvaluationView(evaluation);

        var items = ImmutableArray.CreateBuilder<ItemExplanation>();
        foreach (var standard in Schema.Model.Standards)
        {
            items.Add(Item(standard, "standard", standard.Title, evaluation, view, assessment));
            foreach (var keyQuestion in standard.KeyQuestions)
            {
                items.Add(Item(keyQuestion, "key question", keyQuestion.Text, evaluation, view, assessment));
                foreach (var prompt in keyQuestion.Prompts)
                    items.Add(Item(prompt, "prompt", prompt.Text, evaluation, view, assessment));
            }
        }

        var checks = ImmutableArray.CreateBuilder<HeldCheck>();
        foreach (var check in Schema.Model.AllChecks)
        {
            if (!evaluation.FailedChecks.Contains(check) && !evaluation.RaisedSignals.Contains(check)) continue;
            checks.Add(new HeldCheck(check.IsSignal, check.Message, TextOf(check.Condition), Seen(check.Condition, evaluation, view)));
        }

        var problems = ImmutableArray.CreateBuilder<ExplainedProblem>();
        foreach (var problem in evaluation.Problems)
            problems.Add(new ExplainedProblem(problem.Id, problem.IsRejection, problem.Message));
        var covered = evaluation.Problems.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in record.Problems)
            if (!covered.Contains(problem.Id))
                problems.Add(new ExplainedProblem(problem.Id, problem.Severity == ProblemSeverity.Rejection, problem.Sentence));

        return new CaseExplanation(record.Id ?? "", record.Inspection, record.Line,
            evaluation.IsRejected || record.IsRejected, items.ToImmutable(), checks.ToImmutable(), problems.ToImmutable());
    }

    private static ItemExplanation Item(RoutedSymbol item, string kind, string title, CaseEvaluation evaluation, ICaseView view, CaseAssessment assessment)
    {
        var applies = evaluation.AppliesTo(item);
        string reason;
        string? condition = null;
        var seen = ImmutableArray<string>.Empty;
        if (item.Parent is { } parent && !evaluation.AppliesTo(parent))
        {
            reason = $"{item.Code} does not apply, because {parent.Code} does not apply.";
        }
        else if (item.Condition is { } bound)
        {
            condition = TextOf(bound);
            seen = Seen(bound, evaluation, view);
            var because = seen.IsEmpty ? "" : ", because " + string.Join("; ", seen);
            reason = applies
                ? $"{item.Code} applies: its condition {condition} holds{because}."
                : $"{item.Code} does not apply: its condition {condition} does not hold{because}.";
        }
        else
        {
            reason = applies
                ? item.Parent is null ? $"{item.Code} applies to every case." : $"{item.Code} applies, because {item.Parent.Code} applies and it has no condition of its own."
                : $"{item.Code} does not apply.";
        }

        ExplainedAnswer? answer = null;
        if (item is QuestionSymbol question && assessment.Answers.TryGetValue(question.Code, out var given))
        {
            var option = question.AnswerSet?.FindOption(given);
            var outcome = option is null ? $"not an option of {question.AnswerSet?.Name ?? "its answer set"}"
                : !applies ? "ignored: the item does not apply"
                : OutcomeOf(option.Outcome);
            answer = new ExplainedAnswer(given, option?.Label, outcome);
        }
        return new ItemExplanation(item.Code, kind, title, applies, reason, condition, seen, answer);
    }

    private static string OutcomeOf(OptionOutcome outcome) => outcome switch
    {
        OptionOutcome.Positive => "positive",
        OptionOutcome.NotApplicable => "not applicable",
        _ => "negative",
    };

    private static string TextOf(BoundExpression expression) =>
        string.Join(' ', (expression.Syntax?.ToString() ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>One phrase per distinct case field or answer that the condition reads.</summary>
    private static ImmutableArray<string> Seen(BoundExpression expression, CaseEvaluation evaluation, ICaseView view)
    {
        var phrases = new List<string>();
        var done = new HashSet<Symbol>();
        Walk(expression);
        return [.. phrases];

        void Walk(BoundExpression node)
        {
            switch (node)
            {
                case BoundBinary binary: Walk(binary.Left); Walk(binary.Right); break;
                case BoundNot not: Walk(not.Operand); break;
                case BoundIs @is: Walk(@is.Operand); break;
                case BoundAggregate aggregate:
                    foreach (var prompt in aggregate.KeyQuestion.Prompts) Question(prompt);
                    break;
                case BoundQuestionReference reference: Question(reference.Question); break;
                case BoundFieldReference field:
                    if (done.Add(field.Field)) phrases.Add(FieldPhrase(field.Field, view.ValueOf(field.Field)));
                    break;
            }
        }

        void Question(QuestionSymbol question)
        {
            if (!done.Add(question)) return;
            if (!evaluation.AppliesTo(question)) { phrases.Add($"{question.Code} does not apply"); return; }
            var option = view.AnswerOf(question);
            phrases.Add(option is null
                ? $"{question.Code} was not answered"
                : $"{question.Code} was answered '{option.Name}' ({option.Label})");
        }
    }

    private static string FieldPhrase(CaseFieldSymbol field, CaseValue? value)
    {
        // A yes/no field's label is a statement ("There are indicators of risk of harm"): quoted, not made a noun.
        var name = field.Type == FieldTypeKind.Boolean
            ? $"\"{field.Label}\" (case.{field.Name})"
            : $"the case's {LowerFirst(field.Label)} (case.{field.Name})";
        return value switch
        {
            null => $"{name} has no value",
            CaseValue.Number n => $"{name} is {n.Value.ToString(CultureInfo.InvariantCulture)}",
            CaseValue.Boolean b => $"{name} is {(b.Value ? "yes (true)" : "no (false)")}",
            CaseValue.List { Values.IsEmpty: true } => $"{name} is empty",
            CaseValue.List list => $"{name} is {{{string.Join(", ", list.Values)}}}",
            _ => $"{name} is {value}",
        };
    }

    /// <summary>"Type of case" → "type of case", but "OGRS band" stays as it is.</summary>
    private static string LowerFirst(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    private sealed class EvaluationView(CaseEvaluation evaluation) : ICaseView
    {
        public AnswerOptionSymbol? AnswerOf(QuestionSymbol question) => evaluation.AnswerOf(question);

        public CaseValue? ValueOf(CaseFieldSymbol field) => evaluation.Fields.GetValueOrDefault(field);
    }
}
