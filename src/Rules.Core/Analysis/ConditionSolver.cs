using System.Runtime.CompilerServices;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis;

/// <summary>
/// Decides exactly whether a conjunction of conditions can hold, and whether a condition always
/// holds under others, by trying every combination of the values the conditions can tell apart:
/// each option of an answer set or enum field and "no value"; true, false and no value for
/// booleans; every subset of a set field; and for numbers one point in each interval between the
/// constants they are compared with. Questions are free variables (their own routing is ignored),
/// so "can never hold" and "always holds" are only claimed when they are certain.
/// </summary>
public sealed partial class ConditionSolver
{
    private const long MaxCombinations = 100_000;

    public enum Verdict
    {
        Satisfiable,
        Unsatisfiable,
        Unknown,
    }

    /// <summary>Whether some case makes every condition true.</summary>
    public static Verdict CanAllHold(IReadOnlyList<BoundExpression> conditions) => CanAllHold(conditions, null);

    /// <summary>Whether the condition holds in every case where all the assumptions hold.</summary>
    public static Verdict AlwaysHolds(BoundExpression condition, IReadOnlyList<BoundExpression> assumptions) =>
        AlwaysHolds(condition, assumptions, null);

    /// <summary>
    /// As <see cref="CanAllHold(IReadOnlyList{BoundExpression})"/>, remembering the verdict for each independent
    /// part in <paramref name="memo"/>: the items of one standard share its condition, so a lint run meets
    /// the same parts again and again.
    /// </summary>
    public static Verdict CanAllHold(IReadOnlyList<BoundExpression> conditions, SolverMemo? memo)
    {
        var atoms = new List<Atom>(conditions.Count + 4);
        foreach (var condition in conditions) Flatten(condition, negated: false, atoms);
        return Search(atoms, memo);
    }

    public static Verdict AlwaysHolds(BoundExpression condition, IReadOnlyList<BoundExpression> assumptions, SolverMemo? memo)
    {
        // Always holds = no case satisfies the assumptions and the negation.
        var atoms = new List<Atom>(assumptions.Count + 4);
        foreach (var assumption in assumptions) Flatten(assumption, negated: false, atoms);
        Flatten(condition, negated: true, atoms);
        return Search(atoms, memo) switch
        {
            Verdict.Unsatisfiable => Verdict.Satisfiable,
            Verdict.Satisfiable => Verdict.Unsatisfiable,
            _ => Verdict.Unknown,
        };
    }

    /// <summary>
    /// One conjunct: a condition, or its negation. Negations are kept as a flag rather than as new
    /// <see cref="BoundNot"/> nodes so that the same conjunct is recognised by the memo.
    /// </summary>
    internal readonly record struct Atom(BoundExpression Expression, bool Negated)
    {
        public bool IsTrue(ICaseView view) => ConditionEvaluator.IsTrue(Expression, view) != Negated;
    }

    /// <summary>
    /// Splits a condition into the conjuncts that must all hold: <c>a and b</c> into a and b, and by
    /// De Morgan <c>not (a or b)</c> into not a and not b (sound here: <c>not</c> is defined on whether its
    /// operand holds, so "no value" makes no difference).
    /// </summary>
    private static void Flatten(BoundExpression condition, bool negated, List<Atom> atoms)
    {
        switch (condition)
        {
            case BoundBinary { Operator: BinaryOperator.And } both when !negated:
                Flatten(both.Left, false, atoms);
                Flatten(both.Right, false, atoms);
                break;
            case BoundBinary { Operator: BinaryOperator.Or } either when negated:
                Flatten(either.Left, true, atoms);
                Flatten(either.Right, true, atoms);
                break;
            case BoundNot not:
                Flatten(not.Operand, !negated, atoms);
                break;
            default:
                atoms.Add(new Atom(condition, negated));
                break;
        }
    }

    /// <summary>
    /// Conjuncts that share no question or field are independent: the whole can hold exactly when each
    /// group of connected conjuncts can. Searching the groups apart keeps the number of combinations
    /// small (a product of sums rather than a product of everything).
    /// </summary>
    private static Verdict Search(List<Atom> atoms, SolverMemo? memo)
    {
        if (atoms.Count == 1) return memo is null ? SearchGroup(atoms, null) : memo.GetOrAdd(atoms, SearchGroup);
        var variables = new List<object>[atoms.Count];
        for (var i = 0; i < atoms.Count; i++)
            variables[i] = memo is null ? VariablesOf(atoms[i].Expression) : memo.VariablesOf(atoms[i].Expression, VariablesOf);
        // Union-find over conjuncts, joined when they mention the same question or field.
        var parent = new int[atoms.Count];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        // Conjunctions are short (an item's condition and those of the few items around it): comparing
        // variables pairwise is cheaper than hashing them.
        for (var i = 1; i < atoms.Count; i++)
            for (var j = 0; j < i; j++)
                if (Find(i) != Find(j) && ShareVariable(variables[i], variables[j])) parent[Find(i)] = Find(j);

        var groups = new List<List<Atom>>();
        for (var root = 0; root < atoms.Count; root++)
        {
            if (Find(root) != root) continue;
            var group = new List<Atom>();
            for (var i = 0; i < atoms.Count; i++)
                if (Find(i) == root) group.Add(atoms[i]);
            groups.Add(group);
        }
        var result = Verdict.Satisfiable;
        foreach (var group in groups)
        {
            var verdict = memo is null ? SearchGroup(group, null) : memo.GetOrAdd(group, SearchGroup);
            if (verdict == Verdict.Unsatisfiable) return Verdict.Unsatisfiable;
            if (verdict == Verdict.Unknown) result = Verdict.Unknown;
        }
        return result;
    }

    private static bool ShareVariable(List<object> a, List<object> b)
    {
        foreach (var x in a)
            foreach (var y in b)
                if (ReferenceEquals(x, y)) return true;
        return false;
    }

    /// <summary>The questions and fields a condition depends on (the prompts of an aggregate's key question).</summary>
    private static List<object> VariablesOf(BoundExpression e)
    {
        var variables = new Variables();
        variables.Walk(e);
        return [.. variables.Questions, .. variables.Fields];
    }

    private static Verdict SearchGroup(IReadOnlyList<Atom> conditions, SolverMemo? memo)
    {
        var variables = new Variables();
        // An array, indexed: the loop below runs once per combination and must not allocate.
        var all = new Atom[conditions.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = conditions[i];
            variables.Walk(all[i].Expression);
        }
        var (questions, fields) = (variables.Questions, variables.Fields);
        var numbers = variables.HasNumbers ? variables.Numbers : null;

        if (numbers is not null && numbers.Values.Any(set => set.Contains(double.NaN))) return Verdict.Unknown;

        var questionDomains = new AnswerOptionSymbol?[questions.Count][];
        for (var i = 0; i < questions.Count; i++)
            questionDomains[i] = memo is null ? AnswersOf(questions[i].AnswerSet) : memo.AnswersOf(questions[i].AnswerSet, AnswersOf);
        var fieldDomains = new List<IReadOnlyList<CaseValue?>>(fields.Count);
        foreach (var field in fields)
        {
            var domain = field.Type == FieldTypeKind.Number
                ? NumberPoints(numbers?.GetValueOrDefault(field))
                : memo is null ? DomainOf(field) : memo.DomainOf(field, DomainOf);
            if (domain is null) return Verdict.Unknown;
            fieldDomains.Add(domain);
        }

        long total = 1;
        foreach (var d in questionDomains) { total *= Math.Max(1, d.Length); if (total > MaxCombinations) return Verdict.Unknown; }
        foreach (var d in fieldDomains) { total *= Math.Max(1, d.Count); if (total > MaxCombinations) return Verdict.Unknown; }

        var view = new AssignmentView(questions, fields);
        var qIndex = new int[questions.Count];
        var fIndex = new int[fields.Count];
        for (long n = 0; n < total; n++)
        {
            for (var i = 0; i < questions.Count; i++) view.Answers[i] = questionDomains[i][qIndex[i]];
            for (var i = 0; i < fields.Count; i++) view.Values[i] = fieldDomains[i][fIndex[i]];
            var holds = true;
            for (var c = 0; c < all.Length; c++)
            {
                if (!all[c].IsTrue(view)) { holds = false; break; }
            }
            if (holds) return Verdict.Satisfiable;
            // Next combination (odometer).
            var carry = true;
            for (var i = 0; i < qIndex.Length && carry; i++)
            {
                qIndex[i]++;
                if (qIndex[i] < questionDomains[i].Length) carry = false; else qIndex[i] = 0;
            }
            for (var i = 0; i < fIndex.Length && carry; i++)
            {
                fIndex[i]++;
                if (fIndex[i] < fieldDomains[i].Count) carry = false; else fIndex[i] = 0;
            }
        }
        return Verdict.Unsatisfiable;
    }

    /// <summary>The answers a question can have: each option of its set, or none (null, last).</summary>
    private static AnswerOptionSymbol?[] AnswersOf(AnswerSetSymbol? answerSet)
    {
        var options = answerSet?.Options ?? [];
        var domain = new AnswerOptionSymbol?[options.Length + 1];
        for (var o = 0; o < options.Length; o++) domain[o] = options[o];
        return domain;
    }

    /// <summary>The values a field other than a number can take (null when there are too many to try).</summary>
    private static IReadOnlyList<CaseValue?>? DomainOf(CaseFieldSymbol field) => field.Type switch
    {
        FieldTypeKind.Boolean => new List<CaseValue?> { new CaseValue.Boolean(true), new CaseValue.Boolean(false), null },
        FieldTypeKind.Enum => [.. field.Values.Select(v => (CaseValue?)new CaseValue.Text(v.Name)), null],
        _ => field.Values.Length > 12 ? null : Subsets(field),
    };

    private static List<CaseValue?> NumberPoints(SortedSet<double>? constants)
    {
        var points = new List<CaseValue?> { null };
        if (constants is null || constants.Count == 0)
        {
            points.Add(new CaseValue.Number(0));
            return points;
        }
        var list = constants.ToList();
        points.Add(new CaseValue.Number(list[0] - 1));
        for (var i = 0; i < list.Count; i++)
        {
            points.Add(new CaseValue.Number(list[i]));
            var next = i + 1 < list.Count ? list[i + 1] : list[i] + 2;
            points.Add(new CaseValue.Number((list[i] + next) / 2));
        }
        return points;
    }

    private static List<CaseValue?> Subsets(CaseFieldSymbol field)
    {
        var values = field.Values;
        var result = new List<CaseValue?>((1 << values.Length) + 1) { null };
        for (var mask = 0; mask < 1 << values.Length; mask++)
        {
            var members = new List<string>(values.Length);
            for (var i = 0; i < values.Length; i++)
                if ((mask & (1 << i)) != 0) members.Add(values[i].Name);
            result.Add(new CaseValue.List([.. members]));
        }
        return result;
    }

    /// <summary>The questions and fields of a group of conjuncts, each once, and the constants numbers are compared with.</summary>
    private sealed class Variables : BoundExpressionWalker
    {
        private readonly HashSet<Symbol> _seen = new(SymbolComparer.Instance);

        public List<QuestionSymbol> Questions { get; } = new(8);

        public List<CaseFieldSymbol> Fields { get; } = new(4);

        private Dictionary<CaseFieldSymbol, SortedSet<double>>? _numbers;

        /// <summary>The constants each number field is compared with (made only when there is one).</summary>
        public Dictionary<CaseFieldSymbol, SortedSet<double>> Numbers => _numbers ??= new(SymbolComparer.Instance);

        public bool HasNumbers => _numbers is not null;

        private void Add(QuestionSymbol question) { if (_seen.Add(question)) Questions.Add(question); }

        protected override void VisitQuestion(BoundQuestionReference reference) => Add(reference.Question);

        protected override void VisitAggregate(BoundAggregate aggregate)
        {
            foreach (var prompt in aggregate.KeyQuestion.Prompts) Add(prompt);
        }

        protected override void VisitField(BoundFieldReference reference)
        {
            if (_seen.Add(reference.Field)) Fields.Add(reference.Field);
        }

        protected override void VisitBinary(BoundBinary b)
        {
            base.VisitBinary(b);
            if (b.Left is BoundFieldReference { Field.Type: FieldTypeKind.Number } lf && b.Right is BoundNumberLiteral rn)
                Constants(Numbers, lf.Field).Add(rn.Value);
            if (b.Right is BoundFieldReference { Field.Type: FieldTypeKind.Number } rf && b.Left is BoundNumberLiteral ln)
                Constants(Numbers, rf.Field).Add(ln.Value);
            // A number field compared with a count: the count's possible values are the constants.
            // Compared with anything else (another field), the points tried would not be enough.
            var (nf, other) = b.Left is BoundFieldReference { Field.Type: FieldTypeKind.Number } l ? (l, b.Right)
                : b.Right is BoundFieldReference { Field.Type: FieldTypeKind.Number } r ? (r, b.Left) : (null, b.Right);
            if (nf is not null)
            {
                if (other is BoundAggregate { Function: AggregateFunction.Count } count)
                    for (var i = 0; i <= count.KeyQuestion.Prompts.Length; i++) Constants(Numbers, nf.Field).Add(i);
                else if (other is not BoundNumberLiteral)
                    Constants(Numbers, nf.Field).Add(double.NaN); // unknown: see Search
            }
        }
    }

    private static SortedSet<double> Constants(Dictionary<CaseFieldSymbol, SortedSet<double>> numbers, CaseFieldSymbol field)
    {
        if (!numbers.TryGetValue(field, out var set)) numbers[field] = set = new SortedSet<double>();
        return set;
    }

    private sealed class AssignmentView(List<QuestionSymbol> questions, List<CaseFieldSymbol> fields) : ICaseView
    {
        public AnswerOptionSymbol?[] Answers { get; } = new AnswerOptionSymbol?[questions.Count];
        public CaseValue?[] Values { get; } = new CaseValue?[fields.Count];

        // A handful of variables per group: a scan by reference beats hashing.
        public AnswerOptionSymbol? AnswerOf(QuestionSymbol question)
        {
            for (var i = 0; i < questions.Count; i++)
                if (ReferenceEquals(questions[i], question)) return Answers[i];
            return null;
        }

        public CaseValue? ValueOf(CaseFieldSymbol field)
        {
            for (var i = 0; i < fields.Count; i++)
                if (ReferenceEquals(fields[i], field)) return Values[i];
            return null;
        }
    }
}
