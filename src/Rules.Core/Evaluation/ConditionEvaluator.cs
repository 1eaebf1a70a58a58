using Rules.Core.Semantics;

namespace Rules.Core.Evaluation;

/// <summary>
/// The meaning of a bound expression over a case: the one definition of the language's semantics,
/// used by the reference interpreter, the test runner and the condition analysis alike.
/// No value: <c>==</c>, <c>in</c>, comparisons and <c>is</c> are false, <c>!=</c> is true;
/// a boolean field with no value is false where a condition is expected.
/// </summary>
public static class ConditionEvaluator
{
    public static bool IsTrue(BoundExpression expression, ICaseView view) =>
        Evaluate(expression, view) is Value.Bool { Value: true };

    /// <summary>The number of a <c>count(...)</c> or numeric expression; null when it has no value.</summary>
    public static double? NumberOf(BoundExpression expression, ICaseView view) =>
        Evaluate(expression, view) is Value.Num n ? n.Value : null;

    internal abstract record Value
    {
        public sealed record Bool(bool Value) : Value;
        public sealed record Num(double Value) : Value;
        public sealed record Str(string Value) : Value;
        public sealed record Option(AnswerOptionSymbol Symbol) : Value;
        public sealed record Set(IReadOnlyCollection<string> Members) : Value;
        public sealed record Names(Semantics.BoundNames Bound) : Value;
        public static readonly Bool True = new(true);
        public static readonly Bool False = new(false);
    }

    internal static Value? Evaluate(BoundExpression expression, ICaseView view)
    {
        switch (expression)
        {
            case BoundBooleanLiteral b: return b.Value ? Value.True : Value.False;
            case BoundNumberLiteral n: return new Value.Num(n.Value);
            case BoundTextLiteral t: return new Value.Str(t.Value);
            case BoundNames names: return new Value.Names(names);
            case BoundQuestionReference q:
                return view.AnswerOf(q.Question) is { } option ? new Value.Option(option) : null;
            case BoundFieldReference f:
                return view.ValueOf(f.Field) switch
                {
                    CaseValue.Number n => new Value.Num(n.Value),
                    CaseValue.Boolean b => b.Value ? Value.True : Value.False,
                    CaseValue.Text t => new Value.Str(t.Value),
                    CaseValue.List l => new Value.Set(l.Values),
                    _ => f.Field.Type == FieldTypeKind.Boolean ? null : null,
                };
            case BoundNot not:
                return Truth(Evaluate(not.Operand, view)) ? Value.False : Value.True;
            case BoundIs @is:
                return Bool(EvaluateIs(@is, view));
            case BoundAggregate aggregate:
                return EvaluateAggregate(aggregate, view);
            case BoundBinary binary:
                return Bool(EvaluateBinary(binary, view));
            default:
                return null;
        }
    }

    private static Value.Bool Bool(bool value) => value ? Value.True : Value.False;

    private static bool Truth(Value? value) => value is Value.Bool { Value: true };

    private static bool EvaluateIs(BoundIs @is, ICaseView view)
    {
        if (@is.Operand is BoundFieldReference field)
            return view.ValueOf(field.Field) is not null;
        var option = @is.Operand is BoundQuestionReference question
            ? view.AnswerOf(question.Question)
            : (Evaluate(@is.Operand, view) as Value.Option)?.Symbol;
        if (option is null) return false;
        return @is.Test switch
        {
            OutcomeTest.Positive => option.Outcome == OptionOutcome.Positive,
            OutcomeTest.Negative => option.Outcome == OptionOutcome.Negative,
            OutcomeTest.NotApplicable => option.Outcome == OptionOutcome.NotApplicable,
            _ => true,
        };
    }

    /// <summary>
    /// The commonest comparisons (an answer with option names, a number field with a number) worked out
    /// without building values: the condition analysis evaluates conditions many thousands of times.
    /// Gives exactly what the general path gives; null when the shape is not one of these.
    /// </summary>
    private static bool? EvaluateDirectly(BoundBinary binary, ICaseView view)
    {
        if (binary.Left is BoundQuestionReference question && binary.Right is BoundNames names)
        {
            var option = view.AnswerOf(question.Question);
            return binary.Operator switch
            {
                BinaryOperator.Equals => option is not null && names.Names.Length == 1 && names.Names[0] == option.Name,
                BinaryOperator.NotEquals => option is null || !(names.Names.Length == 1 && names.Names[0] == option.Name),
                BinaryOperator.In => option is not null && names.Names.Contains(option.Name),
                _ => null,
            };
        }
        if (binary.Left is BoundFieldReference textField && binary.Right is BoundNames values
            && binary.Operator is BinaryOperator.Equals or BinaryOperator.NotEquals or BinaryOperator.In)
        {
            var value = view.ValueOf(textField.Field);
            if (value is null) return binary.Operator == BinaryOperator.NotEquals;
            if (value is not CaseValue.Text text) return null; // a set compared with names, and the like
            var equal = values.Names.Length == 1 && values.Names[0] == text.Value;
            return binary.Operator switch
            {
                BinaryOperator.Equals => equal,
                BinaryOperator.NotEquals => !equal,
                _ => values.Names.Contains(text.Value),
            };
        }
        if (binary.Left is BoundNames member && binary.Right is BoundFieldReference setField && binary.Operator == BinaryOperator.In)
        {
            if (view.ValueOf(setField.Field) is not CaseValue.List set) return view.ValueOf(setField.Field) is null ? false : null;
            return member.Names.Length == 1 && set.Values.Contains(member.Names[0]);
        }
        if (binary.Left is BoundFieldReference { Field.Type: FieldTypeKind.Number } field && binary.Right is BoundNumberLiteral number
            && binary.Operator is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual)
        {
            if (view.ValueOf(field.Field) is not CaseValue.Number value) return false;
            return binary.Operator switch
            {
                BinaryOperator.Less => value.Value < number.Value,
                BinaryOperator.LessOrEqual => value.Value <= number.Value,
                BinaryOperator.Greater => value.Value > number.Value,
                _ => value.Value >= number.Value,
            };
        }
        return null;
    }

    private static Value EvaluateAggregate(BoundAggregate aggregate, ICaseView view)
    {
        var considered = 0;
        var matched = 0;
        foreach (var prompt in aggregate.KeyQuestion.Prompts)
        {
            // Over the prompts that apply and are answered: a view gives no answer otherwise.
            var answer = view.AnswerOf(prompt);
            if (answer is null) continue;
            considered++;
            var match = aggregate.Option is not null
                ? answer.Name == aggregate.Option
                : aggregate.Test switch
                {
                    OutcomeTest.Positive => answer.Outcome == OptionOutcome.Positive,
                    OutcomeTest.Negative => answer.Outcome == OptionOutcome.Negative,
                    OutcomeTest.NotApplicable => answer.Outcome == OptionOutcome.NotApplicable,
                    _ => true,
                };
            if (match) matched++;
        }
        return aggregate.Function switch
        {
            AggregateFunction.Any => Bool(matched > 0),
            AggregateFunction.All => Bool(matched == considered),
            AggregateFunction.None => Bool(matched == 0),
            _ => new Value.Num(matched),
        };
    }

    private static bool EvaluateBinary(BoundBinary binary, ICaseView view)
    {
        if (EvaluateDirectly(binary, view) is { } direct) return direct;
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                return Truth(Evaluate(binary.Left, view)) && Truth(Evaluate(binary.Right, view));
            case BinaryOperator.Or:
                return Truth(Evaluate(binary.Left, view)) || Truth(Evaluate(binary.Right, view));
            case BinaryOperator.NotEquals:
            {
                var left = Evaluate(binary.Left, view);
                var right = Evaluate(binary.Right, view);
                if (left is null || right is null) return true;
                return !AreEqual(left, right);
            }
            case BinaryOperator.Equals:
            {
                var left = Evaluate(binary.Left, view);
                var right = Evaluate(binary.Right, view);
                return left is not null && right is not null && AreEqual(left, right);
            }
            case BinaryOperator.In:
            {
                var left = Evaluate(binary.Left, view);
                var right = Evaluate(binary.Right, view);
                if (left is null || right is null) return false;
                return (left, right) switch
                {
                    (Value.Names member, Value.Set set) => member.Bound.Names.Length == 1 && set.Members.Contains(member.Bound.Names[0]),
                    (Value.Option option, Value.Names names) => names.Bound.Names.Contains(option.Symbol.Name),
                    (Value.Str text, Value.Names names) => names.Bound.Names.Contains(text.Value),
                    _ => false,
                };
            }
            default:
            {
                if (Evaluate(binary.Left, view) is not Value.Num l || Evaluate(binary.Right, view) is not Value.Num r) return false;
                return binary.Operator switch
                {
                    BinaryOperator.Less => l.Value < r.Value,
                    BinaryOperator.LessOrEqual => l.Value <= r.Value,
                    BinaryOperator.Greater => l.Value > r.Value,
                    _ => l.Value >= r.Value,
                };
            }
        }
    }

    private static bool AreEqual(Value left, Value right) => (left, right) switch
    {
        (Value.Option o, Value.Names n) => n.Bound.Names.Length == 1 && n.Bound.Names[0] == o.Symbol.Name,
        (Value.Str s, Value.Names n) => n.Bound.Names.Length == 1 && n.Bound.Names[0] == s.Value,
        (Value.Set s, Value.Names n) => s.Members.Count == n.Bound.Names.Distinct().Count() && n.Bound.Names.All(s.Members.Contains),
        (Value.Option a, Value.Option b) => a.Symbol.Name == b.Symbol.Name,
        (Value.Num a, Value.Num b) => a.Value == b.Value,
        (Value.Bool a, Value.Bool b) => a.Value == b.Value,
        (Value.Str a, Value.Str b) => a.Value == b.Value,
        _ => false,
    };
}
