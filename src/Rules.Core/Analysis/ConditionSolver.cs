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
public sealed class ConditionSolver
{
    private const long MaxCombinations = 100_000;

    public enum Verdict
    {
        Satisfiable,
        Unsatisfiable,
        Unknown,
    }

    /// <summary>Whether some case makes every condition true.</summary>
    public static Verdict CanAllHold(IReadOnlyList<BoundExpression> conditions)
    {
        return Search(conditions);
    }

    /// <summary>Whether the condition holds in every case where all the assumptions hold.</summary>
    public static Verdict AlwaysHolds(BoundExpression condition, IReadOnlyList<BoundExpression> assumptions)
    {
        // Always holds = no case satisfies the assumptions and the negation.
        var negated = new BoundNot(condition, null);
        return Search([.. assumptions, negated]) switch
        {
            Verdict.Unsatisfiable => Verdict.Satisfiable,
            Verdict.Satisfiable => Verdict.Unsatisfiable,
            _ => Verdict.Unknown,
        };
    }

    private static Verdict Search(IReadOnlyList<BoundExpression> conditions)
    {
        var questions = new List<QuestionSymbol>(8);
        var fields = new List<CaseFieldSymbol>(4);
        var numbers = new Dictionary<CaseFieldSymbol, SortedSet<double>>();
        // An array, indexed: the loop below runs once per combination and must not allocate.
        var all = new BoundExpression[conditions.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = conditions[i];
            Collect(all[i], questions, fields, numbers);
        }

        if (numbers.Values.Any(set => set.Contains(double.NaN))) return Verdict.Unknown;

        var questionDomains = new AnswerOptionSymbol?[questions.Count][];
        for (var i = 0; i < questions.Count; i++)
        {
            var options = questions[i].AnswerSet?.Options ?? [];
            var domain = new AnswerOptionSymbol?[options.Length + 1];
            for (var o = 0; o < options.Length; o++) domain[o] = options[o];
            questionDomains[i] = domain;
        }
        var fieldDomains = new List<IReadOnlyList<CaseValue?>>(fields.Count);
        foreach (var field in fields)
        {
            var domain = field.Type switch
            {
                FieldTypeKind.Boolean => new List<CaseValue?> { new CaseValue.Boolean(true), new CaseValue.Boolean(false), null },
                FieldTypeKind.Enum => [.. field.Values.Select(v => (CaseValue?)new CaseValue.Text(v.Name)), null],
                FieldTypeKind.Number => NumberPoints(numbers.GetValueOrDefault(field)),
                _ => field.Values.Length > 12 ? null : Subsets(field),
            };
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
                if (!ConditionEvaluator.IsTrue(all[c], view)) { holds = false; break; }
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

    private static void Collect(BoundExpression e, List<QuestionSymbol> questions, List<CaseFieldSymbol> fields, Dictionary<CaseFieldSymbol, SortedSet<double>> numbers)
    {
        switch (e)
        {
            case BoundQuestionReference q:
                if (!questions.Contains(q.Question)) questions.Add(q.Question);
                break;
            case BoundAggregate a:
                foreach (var p in a.KeyQuestion.Prompts) if (!questions.Contains(p)) questions.Add(p);
                break;
            case BoundFieldReference f:
                if (!fields.Contains(f.Field)) fields.Add(f.Field);
                break;
            case BoundNot n:
                Collect(n.Operand, questions, fields, numbers);
                break;
            case BoundIs i:
                Collect(i.Operand, questions, fields, numbers);
                break;
            case BoundBinary b:
                Collect(b.Left, questions, fields, numbers);
                Collect(b.Right, questions, fields, numbers);
                if (b.Left is BoundFieldReference { Field.Type: FieldTypeKind.Number } lf && b.Right is BoundNumberLiteral rn)
                    Constants(numbers, lf.Field).Add(rn.Value);
                if (b.Right is BoundFieldReference { Field.Type: FieldTypeKind.Number } rf && b.Left is BoundNumberLiteral ln)
                    Constants(numbers, rf.Field).Add(ln.Value);
                // A number field compared with a count: the count's possible values are the constants.
                // Compared with anything else (another field), the points tried would not be enough.
                var (nf, other) = b.Left is BoundFieldReference { Field.Type: FieldTypeKind.Number } l ? (l, b.Right)
                    : b.Right is BoundFieldReference { Field.Type: FieldTypeKind.Number } r ? (r, b.Left) : (null, b.Right);
                if (nf is not null)
                {
                    if (other is BoundAggregate { Function: AggregateFunction.Count } count)
                        for (var i = 0; i <= count.KeyQuestion.Prompts.Length; i++) Constants(numbers, nf.Field).Add(i);
                    else if (other is not BoundNumberLiteral)
                        Constants(numbers, nf.Field).Add(double.NaN); // unknown: see Search
                }
                break;
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

        public AnswerOptionSymbol? AnswerOf(QuestionSymbol question)
        {
            var i = questions.IndexOf(question);
            return i < 0 ? null : Answers[i];
        }

        public CaseValue? ValueOf(CaseFieldSymbol field)
        {
            var i = fields.IndexOf(field);
            return i < 0 ? null : Values[i];
        }
    }
}
