using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.Engine.Input;

namespace Rules.Engine.Evaluation;

/// <summary>
/// Compiles bound expressions into delegates over an <see cref="EvaluationScope"/> with exactly the
/// meaning of Rules.Core's ConditionEvaluator (no value: <c>==</c>, <c>in</c>, comparisons and
/// <c>is</c> are false, <c>!=</c> is true), but with names interned to ids and no allocation.
/// </summary>
internal sealed class ConditionCompiler
{
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
    private readonly FrameworkCaseSchema _schema;
    private readonly Dictionary<QuestionSymbol, int> _answerSlots;
    private readonly Dictionary<CaseFieldSymbol, int> _fieldSlots;
    private readonly Dictionary<int, SetField> _setFields = [];
    private readonly List<ConditionInstruction> _code = [];
    private readonly List<ulong[]> _setWords = [];
    private readonly List<PromptAggregate> _aggregates = [];
    private readonly List<Func<EvaluationScope, Value>> _fallbacks = [];

    public ConditionCompiler(FrameworkCaseSchema schema)
    {
        _schema = schema;
        _answerSlots = schema.Questions.Select((q, i) => (q, i)).ToDictionary(p => p.q, p => p.i);
        _fieldSlots = schema.FieldSymbols.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i);
        OptionNames = [.. schema.Answers.Select(a => a.Options.Names.Select(Intern).ToArray())];
        OptionOutcomes = [.. schema.Answers.Select((a, slot) => a.Options.Names
            .Select(name => (int)(schema.Questions[slot].AnswerSet?.FindOption(name)?.Outcome ?? OptionOutcome.Negative))
            .ToArray())];
        FieldValueNames = [.. schema.Fields.Select(f => f.Options.Names.Select(Intern).ToArray())];
    }

    /// <summary>The interned name id of each option, by answer slot and option index.</summary>
    public ImmutableArray<int[]> OptionNames { get; }

    /// <summary>The <see cref="OptionOutcome"/> of each option, by answer slot and option index.</summary>
    public ImmutableArray<int[]> OptionOutcomes { get; }

    /// <summary>The interned name id of each enum/set value, by field slot and option index.</summary>
    public ImmutableArray<int[]> FieldValueNames { get; }

    public int? AnswerSlotOf(QuestionSymbol question) => _answerSlots.TryGetValue(question, out var slot) ? slot : null;

    public Func<EvaluationScope, Value> Compile(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundBooleanLiteral b:
            {
                var value = Value.Of(b.Value);
                return _ => value;
            }

            case BoundNumberLiteral n:
            {
                var value = new Value(ValueKind.Number, n.Value);
                return _ => value;
            }

            case BoundTextLiteral t:
            {
                var value = new Value(ValueKind.Text, Name: Intern(t.Value));
                return _ => value;
            }

            case BoundNames names:
            {
                var value = new Value(ValueKind.Names, Ref: new NameList([.. names.Names.Select(Intern)]));
                return _ => value;
            }

            case BoundQuestionReference q:
                return CompileQuestion(q.Question);

            case BoundFieldReference f:
                return CompileField(f.Field);

            case BoundNot not:
            {
                var operand = Compile(not.Operand);
                return scope => operand(scope).IsTrue ? Value.False : Value.True;
            }

            case BoundIs @is:
                return CompileIs(@is);

            case BoundAggregate aggregate:
                return CompileAggregate(aggregate);

            case BoundBinary binary:
                return CompileBinary(binary);

            default:
                return _ => Value.None;
        }
    }

    /// <summary>
    /// Compiles a condition into the framework's <see cref="ConditionProgram"/> and gives its entry.
    /// The program has exactly the meaning of <c>Compile(expression)(scope).IsTrue</c>, but the
    /// shapes conditions are made of (boolean fields, answers and enum values compared with names,
    /// set membership and equality, numbers against constants, <c>is</c>, aggregates over prompts)
    /// are single tests on the record's slots, and <c>and</c>/<c>or</c>/<c>not</c> are jumps.
    /// </summary>
    public int CompileCondition(BoundExpression expression) => Emit(expression, ConditionProgram.True, ConditionProgram.False);

    /// <summary>The program holding every condition compiled so far.</summary>
    public ConditionProgram BuildProgram() => new([.. _code], [.. _setWords], [.. _aggregates], [.. _fallbacks]);

    /// <summary>Emits the tests of a condition that go to <paramref name="ifTrue"/> when it holds, else to <paramref name="ifFalse"/>; gives the first.</summary>
    private int Emit(BoundExpression expression, int ifTrue, int ifFalse)
    {
        switch (expression)
        {
            case BoundBooleanLiteral b:
                return b.Value ? ifTrue : ifFalse;
            case BoundFieldReference f when _fieldSlots.TryGetValue(f.Field, out var slot) && _schema.Fields[slot].Kind == CaseFieldKind.Boolean:
                return Test(new ConditionInstruction(ConditionOp.BooleanField, slot, 0, ifTrue, ifFalse));
            case BoundNot not:
                return Emit(not.Operand, ifFalse, ifTrue);
            case BoundBinary { Operator: BinaryOperator.And } and:
                return Emit(and.Left, Emit(and.Right, ifTrue, ifFalse), ifFalse);
            case BoundBinary { Operator: BinaryOperator.Or } or:
                return Emit(or.Left, ifTrue, Emit(or.Right, ifTrue, ifFalse));
            case BoundBinary { Operator: BinaryOperator.Equals } equality when EqualityTest(equality.Left, equality.Right) is { } equals:
                return Place(equals, ifTrue, ifFalse);
            case BoundBinary { Operator: BinaryOperator.NotEquals } equality when EqualityTest(equality.Left, equality.Right) is { } equals:
                // `!=` is exactly the negation of `==` (either side without a value: == false, != true).
                return Place(equals, ifFalse, ifTrue);
            case BoundBinary { Operator: BinaryOperator.In } membership when MembershipTest(membership.Left, membership.Right) is { } contains:
                return Place(contains, ifTrue, ifFalse);
            case BoundBinary { Operator: BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } comparison
                when ComparisonTest(comparison) is { } compare:
                return Place(compare, ifTrue, ifFalse);
            case BoundIs { Operand: BoundQuestionReference question } @is when AnswerSlotOf(question.Question) is { } answerSlot && OptionNames[answerSlot].Length <= 64:
                return Test(new ConditionInstruction(ConditionOp.AnswerIn, answerSlot, 0, ifTrue, ifFalse, OutcomeMask(answerSlot, @is.Test)));
            case BoundAggregate { Function: not AggregateFunction.Count } aggregate when AggregateTest(aggregate) is { } number:
                return Test(new ConditionInstruction(ConditionOp.Aggregate, 0, number, ifTrue, ifFalse));
            default:
            {
                _fallbacks.Add(Compile(expression));
                return Test(new ConditionInstruction(ConditionOp.Fallback, 0, _fallbacks.Count - 1, ifTrue, ifFalse));
            }
        }
    }

    /// <summary>Emits a shape's test with its targets; a shape that can never hold is a jump to <paramref name="ifFalse"/>.</summary>
    private int Place(Shape shape, int ifTrue, int ifFalse) =>
        shape.Test is { } test ? Test(test with { IfTrue = ifTrue, IfFalse = ifFalse }) : ifFalse;

    private int Test(ConditionInstruction test)
    {
        _code.Add(test);
        return _code.Count - 1;
    }

    /// <summary>
    /// <c>left == right</c> for the shapes tested directly: the test (targets unset), <c>null</c>
    /// inside when it can never hold; or no result (<c>null</c> outside) for other shapes.
    /// </summary>
    private Shape? EqualityTest(BoundExpression left, BoundExpression right)
    {
        switch (left, right)
        {
            case (BoundQuestionReference q, BoundNames names) when AnswerSlotOf(q.Question) is { } slot:
            {
                // An answer equals a single name; a list of several names never equals an answer.
                var target = names.Names.Length == 1 ? Array.IndexOf(OptionNames[slot], Intern(names.Names[0])) : -1;
                return new Shape(target < 0 ? null : new ConditionInstruction(ConditionOp.AnswerEquals, slot, target, 0, 0));
            }

            case (BoundFieldReference f, BoundNames names) when _fieldSlots.TryGetValue(f.Field, out var slot):
                switch (_schema.Fields[slot].Kind)
                {
                    case CaseFieldKind.Enum:
                    {
                        var target = names.Names.Length == 1 ? Array.IndexOf(FieldValueNames[slot], Intern(names.Names[0])) : -1;
                        return new Shape(target < 0 ? null : new ConditionInstruction(ConditionOp.EnumEquals, slot, target, 0, 0));
                    }

                    case CaseFieldKind.Set:
                    {
                        // Equal as sets: every name is a member and there are no others.
                        var words = new ulong[(_schema.Fields[slot].Options.Count + 63) / 64];
                        foreach (var name in names.Names)
                        {
                            var option = Array.IndexOf(FieldValueNames[slot], Intern(name));
                            if (option < 0) return new Shape(null);
                            words[option >> 6] |= 1UL << (option & 63);
                        }

                        _setWords.Add(words);
                        return new Shape(new ConditionInstruction(ConditionOp.SetEquals, slot, _setWords.Count - 1, 0, 0));
                    }

                    default:
                        return null;
                }

            case (BoundFieldReference f, BoundNumberLiteral n) when _fieldSlots.TryGetValue(f.Field, out var slot) && _schema.Fields[slot].Kind == CaseFieldKind.Number:
                return new Shape(new ConditionInstruction(ConditionOp.NumberEquals, slot, 0, 0, 0, Number: n.Value));
            case (BoundFieldReference f, BoundBooleanLiteral b) when _fieldSlots.TryGetValue(f.Field, out var slot) && _schema.Fields[slot].Kind == CaseFieldKind.Boolean:
                return new Shape(new ConditionInstruction(ConditionOp.BooleanEquals, slot, b.Value ? 1 : 0, 0, 0));
            default:
                return null;
        }
    }

    /// <summary><c>left in right</c> for the shapes tested directly (see <see cref="EqualityTest"/>), or null.</summary>
    private Shape? MembershipTest(BoundExpression left, BoundExpression right)
    {
        switch (left, right)
        {
            case (BoundNames names, BoundFieldReference f) when _fieldSlots.TryGetValue(f.Field, out var slot) && _schema.Fields[slot].Kind == CaseFieldKind.Set:
            {
                var option = names.Names.Length == 1 ? Array.IndexOf(FieldValueNames[slot], Intern(names.Names[0])) : -1;
                return new Shape(option < 0 ? null : new ConditionInstruction(ConditionOp.SetContains, slot, option, 0, 0));
            }

            case (BoundQuestionReference q, BoundNames names) when AnswerSlotOf(q.Question) is { } slot && OptionNames[slot].Length <= 64:
                return new Shape(new ConditionInstruction(ConditionOp.AnswerIn, slot, 0, 0, 0, MaskOf(OptionNames[slot], names)));
            case (BoundFieldReference f, BoundNames names) when _fieldSlots.TryGetValue(f.Field, out var slot) && _schema.Fields[slot].Kind == CaseFieldKind.Enum && FieldValueNames[slot].Length <= 64:
                return new Shape(new ConditionInstruction(ConditionOp.EnumIn, slot, 0, 0, 0, MaskOf(FieldValueNames[slot], names)));
            default:
                return null;
        }
    }

    /// <summary>A number field compared with a number, for the shapes tested directly, or null.</summary>
    private Shape? ComparisonTest(BoundBinary comparison)
    {
        var op = comparison.Operator;
        if (comparison.Right is BoundNumberLiteral right && comparison.Left is BoundFieldReference leftField)
            return NumberTest(leftField, op, right.Value);
        if (comparison.Left is BoundNumberLiteral left && comparison.Right is BoundFieldReference rightField)
        {
            // c < x is x > c, and so on.
            var mirrored = op switch
            {
                BinaryOperator.Less => BinaryOperator.Greater,
                BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
                BinaryOperator.Greater => BinaryOperator.Less,
                _ => BinaryOperator.LessOrEqual,
            };
            return NumberTest(rightField, mirrored, left.Value);
        }

        return null;
    }

    private Shape? NumberTest(BoundFieldReference field, BinaryOperator op, double bound)
    {
        if (!_fieldSlots.TryGetValue(field.Field, out var slot) || _schema.Fields[slot].Kind != CaseFieldKind.Number) return null;
        var test = op switch
        {
            BinaryOperator.Less => ConditionOp.NumberLess,
            BinaryOperator.LessOrEqual => ConditionOp.NumberLessOrEqual,
            BinaryOperator.Greater => ConditionOp.NumberGreater,
            _ => ConditionOp.NumberGreaterOrEqual,
        };
        return new Shape(new ConditionInstruction(test, slot, 0, 0, 0, Number: bound));
    }

    /// <summary><c>any</c>, <c>all</c> and <c>none</c> over a key question's prompts, numbered in the program; null when a prompt has more than 64 options.</summary>
    private int? AggregateTest(BoundAggregate aggregate)
    {
        var prompts = aggregate.KeyQuestion.Prompts.Select(AnswerSlotOf).OfType<int>().ToArray();
        if (prompts.Any(slot => OptionNames[slot].Length > 64)) return null;
        var option = aggregate.Option is null ? -1 : Intern(aggregate.Option);
        var masks = prompts.Select(slot => option >= 0
                ? MaskWhere(OptionNames[slot].Length, i => OptionNames[slot][i] == option)
                : aggregate.Test is { } test ? OutcomeMask(slot, test) : MaskWhere(OptionNames[slot].Length, _ => true))
            .ToArray();
        _aggregates.Add(new PromptAggregate(aggregate.Function, prompts, masks));
        return _aggregates.Count - 1;
    }

    /// <summary>A shape tested directly: its test, or null when it can never hold.</summary>
    private readonly record struct Shape(ConditionInstruction? Test);

    private ulong OutcomeMask(int answerSlot, OutcomeTest test)
    {
        var outcomes = OptionOutcomes[answerSlot];
        return outcomes.Length > 64 ? 0 : MaskWhere(outcomes.Length, i => Matches(test, outcomes[i]));
    }

    private ulong MaskOf(int[] optionNames, BoundNames names)
    {
        var ids = names.Names.Select(Intern).ToHashSet();
        return MaskWhere(optionNames.Length, i => ids.Contains(optionNames[i]));
    }

    private static ulong MaskWhere(int count, Func<int, bool> predicate)
    {
        var mask = 0UL;
        for (var i = 0; i < count; i++)
        {
            if (predicate(i)) mask |= 1UL << i;
        }

        return mask;
    }

    /// <summary>
    /// Adds the answer slots a condition reads (its references and its aggregates' prompts) to
    /// <paramref name="slots"/>; false when it has a part it does not know (then it may read any).
    /// </summary>
    public bool CollectAnswerSlots(BoundExpression expression, List<int> slots)
    {
        switch (expression)
        {
            case BoundBooleanLiteral or BoundNumberLiteral or BoundTextLiteral or BoundNames or BoundFieldReference:
                return true;
            case BoundQuestionReference q:
                if (AnswerSlotOf(q.Question) is { } slot) slots.Add(slot);
                return true;
            case BoundNot not:
                return CollectAnswerSlots(not.Operand, slots);
            case BoundIs @is:
                return CollectAnswerSlots(@is.Operand, slots);
            case BoundAggregate a:
                slots.AddRange(a.KeyQuestion.Prompts.Select(AnswerSlotOf).OfType<int>());
                return true;
            case BoundBinary binary:
                return CollectAnswerSlots(binary.Left, slots) && CollectAnswerSlots(binary.Right, slots);
            default:
                return false;
        }
    }

    private Func<EvaluationScope, Value> CompileQuestion(QuestionSymbol question)
    {
        if (AnswerSlotOf(question) is not { } slot) return _ => Value.None;
        var names = OptionNames[slot];
        var outcomes = OptionOutcomes[slot];
        return scope =>
        {
            var option = scope.AnswerOf(slot);
            return option < 0 ? Value.None : new Value(ValueKind.Option, Name: names[option], Outcome: outcomes[option]);
        };
    }

    private Func<EvaluationScope, Value> CompileField(CaseFieldSymbol field)
    {
        if (!_fieldSlots.TryGetValue(field, out var slot)) return _ => Value.None;
        switch (_schema.Fields[slot].Kind)
        {
            case CaseFieldKind.Number:
                return scope => scope.Record.HasValue(slot) ? new Value(ValueKind.Number, scope.Record.GetNumber(slot)) : Value.None;
            case CaseFieldKind.Boolean:
                return scope => scope.Record.HasValue(slot) ? Value.Of(scope.Record.GetBoolean(slot)) : Value.None;
            case CaseFieldKind.Enum:
            {
                var names = FieldValueNames[slot];
                return scope => scope.Record.HasValue(slot) ? new Value(ValueKind.Text, Name: names[scope.Record.GetOption(slot)]) : Value.None;
            }

            default:
            {
                var set = SetFieldOf(slot);
                var value = new Value(ValueKind.Set, Ref: set);
                return scope => scope.Record.HasValue(slot) ? value : Value.None;
            }
        }
    }

    private Func<EvaluationScope, Value> CompileIs(BoundIs @is)
    {
        if (@is.Operand is BoundFieldReference field)
        {
            if (!_fieldSlots.TryGetValue(field.Field, out var slot)) return _ => Value.False;
            return scope => Value.Of(scope.Record.HasValue(slot));
        }

        var operand = Compile(@is.Operand);
        var test = @is.Test;
        return scope =>
        {
            var value = operand(scope);
            if (value.Kind != ValueKind.Option) return Value.False;
            return Value.Of(Matches(test, value.Outcome));
        };
    }

    private Func<EvaluationScope, Value> CompileAggregate(BoundAggregate aggregate)
    {
        var prompts = aggregate.KeyQuestion.Prompts.Select(AnswerSlotOf).OfType<int>().ToArray();
        var option = aggregate.Option is null ? -1 : Intern(aggregate.Option);
        var test = aggregate.Test;
        var function = aggregate.Function;
        var names = OptionNames;
        var outcomes = OptionOutcomes;
        return scope =>
        {
            int considered = 0, matched = 0;
            foreach (var slot in prompts)
            {
                var answer = scope.AnswerOf(slot);
                if (answer < 0) continue;
                considered++;
                var match = option >= 0 ? names[slot][answer] == option : test is null || Matches(test.Value, outcomes[slot][answer]);
                if (match) matched++;
            }

            return function switch
            {
                AggregateFunction.Any => Value.Of(matched > 0),
                AggregateFunction.All => Value.Of(matched == considered),
                AggregateFunction.None => Value.Of(matched == 0),
                _ => new Value(ValueKind.Number, matched),
            };
        };
    }

    private static bool Matches(OutcomeTest test, int outcome) => test switch
    {
        OutcomeTest.Positive => outcome == (int)OptionOutcome.Positive,
        OutcomeTest.Negative => outcome == (int)OptionOutcome.Negative,
        OutcomeTest.NotApplicable => outcome == (int)OptionOutcome.NotApplicable,
        _ => true,
    };

    private Func<EvaluationScope, Value> CompileBinary(BoundBinary binary)
    {
        var left = Compile(binary.Left);
        var right = Compile(binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                return scope => Value.Of(left(scope).IsTrue && right(scope).IsTrue);
            case BinaryOperator.Or:
                return scope => Value.Of(left(scope).IsTrue || right(scope).IsTrue);
            case BinaryOperator.Equals:
                return scope =>
                {
                    var l = left(scope);
                    var r = right(scope);
                    return Value.Of(l.Kind != ValueKind.None && r.Kind != ValueKind.None && AreEqual(scope, l, r));
                };
            case BinaryOperator.NotEquals:
                return scope =>
                {
                    var l = left(scope);
                    var r = right(scope);
                    return Value.Of(l.Kind == ValueKind.None || r.Kind == ValueKind.None || !AreEqual(scope, l, r));
                };
            case BinaryOperator.In:
                return scope =>
                {
                    var l = left(scope);
                    var r = right(scope);
                    if (l.Kind == ValueKind.None || r.Kind == ValueKind.None) return Value.False;
                    return Value.Of(IsIn(scope, l, r));
                };
            default:
            {
                var op = binary.Operator;
                return scope =>
                {
                    var l = left(scope);
                    if (l.Kind != ValueKind.Number) return Value.False;
                    var r = right(scope);
                    if (r.Kind != ValueKind.Number) return Value.False;
                    return Value.Of(op switch
                    {
                        BinaryOperator.Less => l.Number < r.Number,
                        BinaryOperator.LessOrEqual => l.Number <= r.Number,
                        BinaryOperator.Greater => l.Number > r.Number,
                        _ => l.Number >= r.Number,
                    });
                };
            }
        }
    }

    private static bool IsIn(EvaluationScope scope, Value left, Value right)
    {
        if (left.Kind == ValueKind.Names && right.Kind == ValueKind.Set)
        {
            var member = (NameList)left.Ref!;
            return member.Ids.Length == 1 && SetContains(scope, (SetField)right.Ref!, member.Ids[0]);
        }

        if (right.Kind == ValueKind.Names && left.Kind is ValueKind.Option or ValueKind.Text)
            return ((NameList)right.Ref!).Contains(left.Name);
        return false;
    }

    private static bool AreEqual(EvaluationScope scope, Value left, Value right)
    {
        switch (left.Kind, right.Kind)
        {
            case (ValueKind.Option, ValueKind.Names):
            case (ValueKind.Text, ValueKind.Names):
            {
                var names = (NameList)right.Ref!;
                return names.Ids.Length == 1 && names.Ids[0] == left.Name;
            }

            case (ValueKind.Set, ValueKind.Names):
            {
                var set = (SetField)left.Ref!;
                var names = (NameList)right.Ref!;
                var members = 0;
                foreach (var word in scope.Record.GetSetWords(set.Slot)) members += System.Numerics.BitOperations.PopCount(word);
                if (members != names.DistinctCount) return false;
                foreach (var id in names.Ids)
                {
                    if (!SetContains(scope, set, id)) return false;
                }

                return true;
            }

            case (ValueKind.Option, ValueKind.Option):
            case (ValueKind.Text, ValueKind.Text):
                return left.Name == right.Name;
            case (ValueKind.Number, ValueKind.Number):
            case (ValueKind.Boolean, ValueKind.Boolean):
                return left.Number == right.Number;
            default:
                return false;
        }
    }

    private static bool SetContains(EvaluationScope scope, SetField set, int nameId) =>
        set.OptionByName.TryGetValue(nameId, out var option) && scope.Record.SetContains(set.Slot, option);

    private SetField SetFieldOf(int slot)
    {
        if (!_setFields.TryGetValue(slot, out var set))
        {
            var names = FieldValueNames[slot];
            var byName = new Dictionary<int, int>();
            for (var i = 0; i < names.Length; i++) byName.TryAdd(names[i], i);
            set = new SetField(slot, byName);
            _setFields.Add(slot, set);
        }

        return set;
    }

    private int Intern(string name)
    {
        if (!_nameIds.TryGetValue(name, out var id))
        {
            id = _nameIds.Count;
            _nameIds.Add(name, id);
        }

        return id;
    }
}
