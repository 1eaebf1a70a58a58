using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Rules.Engine.Input;

namespace Rules.Engine.Evaluation;

/// <summary>
/// A framework's <see cref="ConditionProgram"/> turned into methods (expression trees compiled to
/// IL, so the JIT sees each test as plain code on the record's arrays): one per routing class
/// condition, one deciding all routing at once, and one per 64 checks and signals that gives the
/// checks that hold as a bit word (without branches where it can). Each test and
/// jump is the program's own, so the meaning is the program's; where the runtime cannot compile
/// code, the methods run the program instead. Immutable and shareable between threads.
/// </summary>
internal sealed class ConditionMethods
{
    private static readonly MethodInfo ClassAppliesMethod = typeof(EvaluationScope).GetMethod(nameof(EvaluationScope.ClassApplies))!;
    private static readonly MethodInfo RecordGetter = typeof(EvaluationScope).GetProperty(nameof(EvaluationScope.Record))!.GetMethod!;
    private static readonly MethodInfo AppliesWordsGetter = typeof(EvaluationScope).GetProperty(nameof(EvaluationScope.AppliesWords))!.GetMethod!;
    private static readonly MethodInfo ClassStatesGetter = typeof(EvaluationScope).GetProperty(nameof(EvaluationScope.ClassStates), BindingFlags.Instance | BindingFlags.NonPublic)!.GetMethod!;

    // The record's arrays behind HasValue, GetNumber and GetAnswer, read directly: the methods are small, but
    // a method testing every check inlines so many of them that the JIT stops inlining and calls them.
    private static readonly FieldInfo HasValueField = CaseRecord.HasValueField;
    private static readonly FieldInfo NumbersField = CaseRecord.NumbersField;
    private static readonly FieldInfo AnswersField = CaseRecord.AnswersField;
    private static readonly MethodInfo SetContainsMethod = typeof(CaseRecord).GetMethod(nameof(CaseRecord.SetContains))!;
    private static readonly MethodInfo SetEqualsMethod = typeof(ConditionProgram).GetMethod(nameof(ConditionProgram.SetEquals))!;
    private static readonly MethodInfo FallbackMethod = typeof(ConditionProgram).GetMethod(nameof(ConditionProgram.Fallback))!;

    private ConditionMethods(Func<EvaluationScope, bool>[] classConditions, Func<EvaluationScope, ulong>[] checkWords, Action<EvaluationScope>? route, bool compiled)
    {
        Route = route;
        ClassConditions = classConditions;
        CheckWords = checkWords;
        IsCompiled = compiled;
    }

    /// <summary>By routing class: whether its own condition holds (its parent is not tested).</summary>
    public Func<EvaluationScope, bool>[] ClassConditions { get; }

    /// <summary>
    /// By 64 checks (in the framework's check order): bit i set when check 64·n + i holds, its
    /// owner's class applying (a check whose owner does not apply does not hold). Call after
    /// <see cref="EvaluationScope.Route"/>: the compiled methods read which answers apply from
    /// <see cref="EvaluationScope.AppliesWords"/>.
    /// </summary>
    public Func<EvaluationScope, ulong>[] CheckWords { get; }

    /// <summary>
    /// <see cref="EvaluationScope.Route"/> as one method (null: the scope's loop over the classes):
    /// each class with answer slots decided in turn with its condition written in, as
    /// <see cref="EvaluationScope.ClassApplies"/> decides it, and the applies words set.
    /// </summary>
    public Action<EvaluationScope>? Route { get; }

    /// <summary>True when the methods are compiled code; false when they run the program.</summary>
    public bool IsCompiled { get; }

    /// <summary>
    /// Builds the methods for a framework's classes and checks. <paramref name="slotClass"/> gives
    /// the routing class of the item answered in each answer slot. With <paramref name="compile"/>
    /// false (or where the runtime cannot compile), the methods run the program.
    /// </summary>
    public static ConditionMethods Create(
        ConditionProgram program,
        IReadOnlyList<RoutingClass> classes,
        IReadOnlyList<(int OwnerClass, int Condition)> checks,
        IReadOnlyList<int> slotClass,
        bool compile = true)
    {
        var chunks = (checks.Count + 63) / 64;
        if (!compile || !RuntimeFeature.IsDynamicCodeCompiled)
        {
            var interpreted = classes.Select(c => (Func<EvaluationScope, bool>)(scope => program.Holds(c.Condition, scope))).ToArray();
            var words = Enumerable.Range(0, chunks).Select(chunk => (Func<EvaluationScope, ulong>)(scope =>
            {
                var held = 0UL;
                for (var i = chunk * 64; i < Math.Min(checks.Count, (chunk + 1) * 64); i++)
                {
                    var (owner, condition) = checks[i];
                    if (owner >= 0 && !scope.ClassApplies(owner)) continue;
                    if (program.Holds(condition, scope)) held |= 1UL << (i & 63);
                }

                return held;
            })).ToArray();
            return new ConditionMethods(interpreted, words, route: null, compiled: false);
        }

        var builder = new Builder(program, slotClass, classes.Count);
        var classMethods = classes.Select(c => builder.Condition(c.Condition)).ToArray();
        var checkMethods = Enumerable.Range(0, chunks)
            .Select(chunk => builder.CheckWord(checks.Skip(chunk * 64).Take(64).ToList()))
            .ToArray();
        var route = builder.Route(classes);
        return new ConditionMethods(classMethods, checkMethods, route, compiled: true);
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value) return i;
        }

        return -1;
    }

    /// <summary>Writes the program's tests as expression trees.</summary>
    private sealed class Builder(ConditionProgram program, IReadOnlyList<int> slotClass, int classCount)
    {
        private readonly ConditionInstruction[] _code = program.Code.ToArray();

        // By routing class: one of its answer slots (-1: none); after routing, the class applies when that slot's bit is set.
        private readonly int[] _slotOfClass = Enumerable.Range(0, classCount).Select(c => IndexOf(slotClass, c)).ToArray();

        // After routing (the checks): the applies words in variables, answers read through them.
        private ParameterExpression[] _appliesWords = [];

        private readonly ParameterExpression _scope = Expression.Parameter(typeof(EvaluationScope), "scope");

        private readonly ParameterExpression _record = Expression.Variable(typeof(CaseRecord), "record");
        private readonly ParameterExpression _hasValue = Expression.Variable(typeof(bool[]), "hasValue");
        private readonly ParameterExpression _numbers = Expression.Variable(typeof(double[]), "numbers");
        private readonly ParameterExpression _answers = Expression.Variable(typeof(int[]), "answers");

        /// <summary>The method's variables: the record and its arrays (and the applies words, after routing).</summary>
        private ParameterExpression[] Variables => [_record, _hasValue, _numbers, _answers, .. _appliesWords];

        private bool AfterRouting => _appliesWords.Length > 0;

        /// <summary>The method's first steps: the record and its arrays into variables.</summary>
        private IEnumerable<Expression> Start()
        {
            yield return Expression.Assign(_record, Expression.Call(_scope, RecordGetter));
            yield return Expression.Assign(_hasValue, Expression.Field(_record, HasValueField));
            yield return Expression.Assign(_numbers, Expression.Field(_record, NumbersField));
            yield return Expression.Assign(_answers, Expression.Field(_record, AnswersField));
            if (!AfterRouting) yield break;
            for (var w = 0; w < _appliesWords.Length; w++)
            {
                yield return Expression.Assign(_appliesWords[w], Expression.ArrayIndex(Expression.Call(_scope, AppliesWordsGetter), Expression.Constant(w)));
            }
        }

        /// <summary>One condition: true when it holds.</summary>
        public Func<EvaluationScope, bool> Condition(int entry)
        {
            var result = Expression.Label(typeof(bool), "result");
            var body = new List<Expression>(Start());
            var holds = Expression.Label("holds");
            var fails = Expression.Label("fails");
            EmitCondition(body, entry, holds, fails);
            body.Add(Expression.Label(holds));
            body.Add(Expression.Return(result, Expression.Constant(true)));
            body.Add(Expression.Label(fails));
            body.Add(Expression.Label(result, Expression.Constant(false)));
            return Expression.Lambda<Func<EvaluationScope, bool>>(Expression.Block(Variables, body), "Condition", [_scope]).Compile();
        }

        /// <summary>
        /// Routing in one method: for each class with answer slots, in class order, whether it applies
        /// (decided here when not yet known: marked in progress, then its parent, then its condition,
        /// as <see cref="EvaluationScope.ClassApplies"/> does), and its slots' bits into the applies words.
        /// </summary>
        public Action<EvaluationScope> Route(IReadOnlyList<RoutingClass> classes)
        {
            var words = (slotClass.Count + 63) / 64;
            var applies = Enumerable.Range(0, words).Select(w => Expression.Variable(typeof(ulong), $"a{w}")).ToArray();
            var states = Expression.Variable(typeof(sbyte[]), "states");
            var state = Expression.Variable(typeof(sbyte), "state");
            var body = new List<Expression>(Start()) { Expression.Assign(states, Expression.Call(_scope, ClassStatesGetter)) };
            body.AddRange(applies.Select(a => Expression.Assign(a, Expression.Constant(0UL))));
            Expression Is(sbyte value) => Expression.Equal(state, Expression.Constant(value));
            Expression Set(int c, sbyte value) => Expression.Assign(Expression.ArrayAccess(states, Expression.Constant(c)), Expression.Constant(value));
            for (var c = 0; c < classes.Count; c++)
            {
                var slotWords = new ulong[words];
                for (var slot = 0; slot < slotClass.Count; slot++)
                {
                    if (slotClass[slot] == c) slotWords[slot >> 6] |= 1UL << (slot & 63);
                }

                if (slotWords.All(w => w == 0)) continue;
                var addSlots = Expression.Block(typeof(void), Enumerable.Range(0, words).Where(w => slotWords[w] != 0)
                    .Select(w => Expression.OrAssign(applies[w], Expression.Constant(slotWords[w]))));
                var known = Expression.Label($"known{c}");
                var yes = Expression.Label($"yes{c}");
                var no = Expression.Label($"no{c}");
                var next = Expression.Label($"next{c}");
                body.Add(Expression.Assign(state, Expression.ArrayIndex(states, Expression.Constant(c))));
                body.Add(Expression.IfThen(Expression.Not(Is(EvaluationScope.Unknown)), Expression.Goto(known)));
                body.Add(Set(c, EvaluationScope.InProgress));
                if (classes[c].Parent >= 0)
                    body.Add(Expression.IfThen(Expression.Not(Expression.Call(_scope, ClassAppliesMethod, Expression.Constant(classes[c].Parent))), Expression.Goto(no)));
                EmitCondition(body, classes[c].Condition, yes, no);
                body.Add(Expression.Label(yes));
                body.Add(Set(c, EvaluationScope.Yes));
                body.Add(addSlots);
                body.Add(Expression.Goto(next));
                body.Add(Expression.Label(no));
                body.Add(Set(c, EvaluationScope.No));
                body.Add(Expression.Goto(next));
                body.Add(Expression.Label(known));
                body.Add(Expression.IfThen(Is(EvaluationScope.Yes), addSlots));
                body.Add(Expression.Label(next));
            }

            var appliesWords = Expression.Call(_scope, AppliesWordsGetter);
            body.AddRange(applies.Select((a, w) => Expression.Assign(Expression.ArrayAccess(appliesWords, Expression.Constant(w)), a)));
            return Expression.Lambda<Action<EvaluationScope>>(Expression.Block([.. Variables, states, state, .. applies], body), "Route", [_scope]).Compile();
        }

        /// <summary>
        /// Up to 64 checks: bit i when check i's owner class applies (or it has none) and its condition
        /// holds. Called after routing, so whether an answer's item applies is a bit of the applies
        /// words, and a condition without a fallback test is computed without branches: every test
        /// is evaluated (tests have no effects) and combined with and/or as the program's jumps say.
        /// </summary>
        public Func<EvaluationScope, ulong> CheckWord(IReadOnlyList<(int OwnerClass, int Condition)> checks)
        {
            _appliesWords = [.. Enumerable.Range(0, (slotClass.Count + 63) / 64).Select(w => Expression.Variable(typeof(ulong), $"applies{w}"))];
            try
            {
                var held = Expression.Variable(typeof(ulong), "held");
                var locals = new List<ParameterExpression>();
                var body = new List<Expression>(Start()) { Expression.Assign(held, Expression.Constant(0UL)) };
                for (var i = 0; i < checks.Count; i++)
                {
                    var (owner, condition) = checks[i];
                    var bit = Expression.Constant(1UL << i);
                    if (Reachable(condition).Any(pc => _code[pc].Op == ConditionOp.Fallback))
                    {
                        // With branches, as the program runs it (a fallback test is costly).
                        var holds = Expression.Label($"holds{i}");
                        var next = Expression.Label($"next{i}");
                        if (owner >= 0) body.Add(Expression.IfThen(Expression.Not(OwnerApplies(owner)), Expression.Goto(next)));
                        EmitCondition(body, condition, holds, next);
                        body.Add(Expression.Label(holds));
                        body.Add(Expression.OrAssign(held, bit));
                        body.Add(Expression.Label(next));
                        continue;
                    }

                    var value = EmitValue(body, locals, condition);
                    if (owner >= 0) value = Expression.And(OwnerApplies(owner), value);
                    body.Add(Expression.OrAssign(held, Expression.Condition(value, bit, Expression.Constant(0UL))));
                }

                body.Add(held);
                return Expression.Lambda<Func<EvaluationScope, ulong>>(Expression.Block([.. Variables, held, .. locals], body), "Checks", [_scope]).Compile();
            }
            finally
            {
                _appliesWords = [];
            }
        }

        /// <summary>Whether a check's owner's class applies: the bit of one of its answer slots, or (a class without slots) decided by the scope.</summary>
        private Expression OwnerApplies(int ownerClass) =>
            _slotOfClass[ownerClass] is >= 0 and var slot
                ? Expression.NotEqual(AppliesBit(slot), Expression.Constant(0))
                : Expression.Call(_scope, ClassAppliesMethod, Expression.Constant(ownerClass));

        /// <summary>The applies bit of an answer slot (0 or 1), from the applies words.</summary>
        private Expression AppliesBit(int slot) =>
            Expression.Convert(Expression.And(Expression.RightShift(_appliesWords[slot >> 6], Expression.Constant(slot & 63)), Expression.Constant(1UL)), typeof(int));

        /// <summary>The instructions reachable from an entry.</summary>
        private HashSet<int> Reachable(int entry)
        {
            var seen = new HashSet<int>();
            var pending = new Stack<int>();
            pending.Push(entry);
            while (pending.Count > 0)
            {
                var pc = pending.Pop();
                if ((uint)pc >= (uint)_code.Length || !seen.Add(pc)) continue;
                pending.Push(_code[pc].IfTrue);
                pending.Push(_code[pc].IfFalse);
            }

            return seen;
        }

        /// <summary>
        /// The value of the condition at <paramref name="entry"/> without branches: each reachable
        /// instruction's value (its test combined with its targets' values) into a variable, targets first.
        /// </summary>
        private Expression EmitValue(List<Expression> body, List<ParameterExpression> locals, int entry)
        {
            var values = new Dictionary<int, Expression>
            {
                [ConditionProgram.True] = Expression.Constant(true),
                [ConditionProgram.False] = Expression.Constant(false),
            };

            Expression ValueOf(int pc)
            {
                if ((uint)pc >= (uint)_code.Length && pc != ConditionProgram.True) pc = ConditionProgram.False;
                if (values.TryGetValue(pc, out var known)) return known;
                var test = _code[pc];
                var ifTrue = ValueOf(test.IfTrue);
                var ifFalse = ValueOf(test.IfFalse);
                var t = Test(test);
                var value = (Target(test.IfTrue), Target(test.IfFalse)) switch
                {
                    (true, false) => t,
                    (false, true) => Expression.Not(t),
                    (_, false) => Expression.And(t, ifTrue),
                    (false, _) => Expression.And(Expression.Not(t), ifFalse),
                    (true, _) => Expression.Or(t, ifFalse),
                    (_, true) => Expression.Or(Expression.Not(t), ifTrue),
                    _ => Expression.Or(Expression.And(t, ifTrue), Expression.And(Expression.Not(t), ifFalse)),
                };
                var variable = Expression.Variable(typeof(bool), $"v{pc}");
                locals.Add(variable);
                body.Add(Expression.Assign(variable, value));
                values[pc] = variable;
                return variable;
            }

            // true / false for a constant target, null for an instruction.
            bool? Target(int pc) => pc == ConditionProgram.True ? true : (uint)pc >= (uint)_code.Length ? false : null;

            return ValueOf(entry);
        }

        /// <summary>
        /// Adds the tests reachable from <paramref name="entry"/>, each under its own label, going to
        /// <paramref name="holds"/> or <paramref name="fails"/> at the end.
        /// </summary>
        private void EmitCondition(List<Expression> body, int entry, LabelTarget holds, LabelTarget fails)
        {
            var code = _code;
            var labels = new Dictionary<int, LabelTarget>();
            var pending = new Stack<int>();

            LabelTarget Target(int pc)
            {
                if (pc == ConditionProgram.True) return holds;
                if ((uint)pc >= (uint)code.Length) return fails;
                if (!labels.TryGetValue(pc, out var label))
                {
                    label = Expression.Label($"t{pc}");
                    labels.Add(pc, label);
                    pending.Push(pc);
                }

                return label;
            }

            body.Add(Expression.Goto(Target(entry)));
            while (pending.Count > 0)
            {
                var pc = pending.Pop();
                var test = code[pc];
                body.Add(Expression.Label(labels[pc]));
                body.Add(Expression.IfThenElse(Test(test), Expression.Goto(Target(test.IfTrue)), Expression.Goto(Target(test.IfFalse))));
            }
        }

        /// <summary>One instruction's test, as <see cref="ConditionProgram.Holds"/> does it.</summary>
        private Expression Test(ConditionInstruction test)
        {
            var slot = Expression.Constant(test.Slot);
            Expression HasValue() => Expression.ArrayIndex(_hasValue, slot);
            Expression Number() => Expression.ArrayIndex(_numbers, slot);

            // As CaseRecord's GetBoolean (a value, not 0) and GetOption (the option index, or -1 without a value).
            Expression Boolean() => Expression.And(HasValue(), Expression.NotEqual(Number(), Expression.Constant(0.0)));
            Expression Option() => Expression.Condition(HasValue(), Expression.Convert(Number(), typeof(int)), Expression.Constant(-1));
            Expression Bound() => Expression.Constant(test.Number);
            switch (test.Op)
            {
                case ConditionOp.BooleanField:
                    return Boolean();
                case ConditionOp.BooleanEquals:
                    // A value equal to true is GetBoolean; equal to false: a value and not GetBoolean.
                    return test.Operand == 1
                        ? Boolean()
                        : test.Operand == 0
                            ? Expression.And(HasValue(), Expression.Not(Boolean()))
                            : Expression.Constant(false);
                case ConditionOp.EnumEquals:
                    return Expression.Equal(Option(), Expression.Constant(test.Operand));
                case ConditionOp.EnumIn:
                    return InMask(Option(), test.Mask);
                case ConditionOp.SetContains:
                    return Expression.Call(_record, SetContainsMethod, slot, Expression.Constant(test.Operand));
                case ConditionOp.SetEquals:
                    return Expression.Call(Expression.Constant(program), SetEqualsMethod, _record, slot, Expression.Constant(test.Operand));
                case ConditionOp.NumberEquals:
                    return Expression.And(HasValue(), Expression.Equal(Number(), Bound()));
                case ConditionOp.NumberLess:
                    return Expression.And(HasValue(), Expression.LessThan(Number(), Bound()));
                case ConditionOp.NumberLessOrEqual:
                    return Expression.And(HasValue(), Expression.LessThanOrEqual(Number(), Bound()));
                case ConditionOp.NumberGreater:
                    return Expression.And(HasValue(), Expression.GreaterThan(Number(), Bound()));
                case ConditionOp.NumberGreaterOrEqual:
                    return Expression.And(HasValue(), Expression.GreaterThanOrEqual(Number(), Bound()));
                case ConditionOp.AnswerEquals:
                    return test.Operand < 0 ? Expression.Constant(false) : Expression.Equal(AnswerOf(test.Slot), Expression.Constant(test.Operand));
                case ConditionOp.AnswerIn:
                    return InMask(AnswerOf(test.Slot), test.Mask);
                case ConditionOp.Aggregate:
                    return Aggregate(program.Aggregates[test.Operand]);
                default:
                    return Expression.Call(Expression.Constant(program), FallbackMethod, Expression.Constant(test.Operand), _scope);
            }
        }

        /// <summary>The answer in a slot when its item applies, else -1 (<see cref="EvaluationScope.AnswerOf"/> with the class known).</summary>
        private Expression AnswerOf(int answerSlot) => AfterRouting
            ? Expression.Or(Expression.ArrayIndex(_answers, Expression.Constant(answerSlot)), Expression.Subtract(AppliesBit(answerSlot), Expression.Constant(1)))
            : Expression.Condition(
                Expression.Call(_scope, ClassAppliesMethod, Expression.Constant(slotClass[answerSlot])),
                Expression.ArrayIndex(_answers, Expression.Constant(answerSlot)),
                Expression.Constant(CaseRecord.NoAnswer));

        /// <summary>An option index (or -1) whose bit is set in the mask.</summary>
        private static Expression InMask(Expression option, ulong mask)
        {
            if (mask == 0) return Expression.Block(option, Expression.Constant(false));
            var value = Expression.Variable(typeof(int), "option");
            return Expression.Block(
                [value],
                Expression.Assign(value, option),
                Expression.And(
                    Expression.LessThan(Expression.Convert(value, typeof(uint)), Expression.Constant(64u)),
                    Expression.NotEqual(
                        Expression.And(Expression.RightShift(Expression.Constant(mask), Expression.And(value, Expression.Constant(63))), Expression.Constant(1UL)),
                        Expression.Constant(0UL))));
        }

        /// <summary><see cref="PromptAggregate.Holds"/> written out prompt by prompt, without branches on the answers.</summary>
        private Expression Aggregate(PromptAggregate aggregate)
        {
            var considered = Expression.Variable(typeof(int), "considered");
            var matched = Expression.Variable(typeof(int), "matched");
            var answer = Expression.Variable(typeof(int), "answer");
            var answered = Expression.Variable(typeof(int), "answered");
            var steps = new List<Expression>
            {
                Expression.Assign(considered, Expression.Constant(0)),
                Expression.Assign(matched, Expression.Constant(0)),
            };
            for (var i = 0; i < aggregate.Slots.Length; i++)
            {
                steps.Add(Expression.Assign(answer, AnswerOf(aggregate.Slots[i])));
                // answered = (answer >> 31) + 1: 0 for -1, 1 for an option.
                steps.Add(Expression.Assign(answered, Expression.Add(Expression.RightShift(answer, Expression.Constant(31)), Expression.Constant(1))));
                steps.Add(Expression.AddAssign(considered, answered));
                steps.Add(Expression.AddAssign(matched, Expression.And(
                    Expression.Convert(
                        Expression.RightShift(Expression.Constant(aggregate.Masks[i]), Expression.And(answer, Expression.Constant(63))),
                        typeof(int)),
                    answered)));
            }

            steps.Add(aggregate.Function switch
            {
                Core.Semantics.AggregateFunction.Any => Expression.GreaterThan(matched, Expression.Constant(0)),
                Core.Semantics.AggregateFunction.All => Expression.Equal(matched, considered),
                _ => Expression.Equal(matched, Expression.Constant(0)),
            });
            return Expression.Block([considered, matched, answer, answered], steps);
        }
    }
}
