using System.Runtime.CompilerServices;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis;

public sealed partial class ConditionSolver
{
    /// <summary>
    /// Verdicts already reached for groups of conjuncts, for one lint run (the model it was made for):
    /// keyed by the conjuncts themselves (the same bound expressions, by reference, in any order).
    /// </summary>
    public sealed class SolverMemo
    {
        private readonly Dictionary<GroupKey, Verdict> _verdicts = new();
        private readonly Dictionary<CaseFieldSymbol, IReadOnlyList<CaseValue?>?> _domains = new(SymbolComparer.Instance);

        /// <summary>A field's values, worked out once per run (a set field has one per subset of its values).</summary>
        internal IReadOnlyList<CaseValue?>? DomainOf(CaseFieldSymbol field, Func<CaseFieldSymbol, IReadOnlyList<CaseValue?>?> make)
        {
            if (!_domains.TryGetValue(field, out var domain)) _domains[field] = domain = make(field);
            return domain;
        }

        private readonly Dictionary<AnswerSetSymbol, AnswerOptionSymbol?[]> _answers = new(SymbolComparer.Instance);
        private AnswerOptionSymbol?[]? _noAnswerSet;

        /// <summary>The answers a question of this set can have (never written to by the search, so shared).</summary>
        internal AnswerOptionSymbol?[] AnswersOf(AnswerSetSymbol? answerSet, Func<AnswerSetSymbol?, AnswerOptionSymbol?[]> make)
        {
            if (answerSet is null) return _noAnswerSet ??= make(null);
            if (!_answers.TryGetValue(answerSet, out var answers)) _answers[answerSet] = answers = make(answerSet);
            return answers;
        }

        private readonly Dictionary<BoundExpression, List<object>> _variables = new(ReferenceEqualityComparer.Instance);

        /// <summary>The questions and fields a conjunct mentions: an item's enclosing conditions come up in every search for it.</summary>
        internal List<object> VariablesOf(BoundExpression condition, Func<BoundExpression, List<object>> collect)
        {
            if (!_variables.TryGetValue(condition, out var variables)) _variables[condition] = variables = collect(condition);
            return variables;
        }

        internal Verdict GetOrAdd(List<Atom> group, Func<IReadOnlyList<Atom>, SolverMemo, Verdict> search)
        {
            // Looked up as it is (the key's hash and equality ignore order); copied only when stored.
            if (_verdicts.TryGetValue(new GroupKey(group), out var verdict)) return verdict;
            verdict = search(group, this);
            _verdicts[new GroupKey([.. group])] = verdict;
            return verdict;
        }

        /// <summary>A group of conjuncts as a key: the same bound expressions (by reference) and negations, in any order.</summary>
        private readonly struct GroupKey(IReadOnlyList<Atom> atoms) : IEquatable<GroupKey>
        {
            private readonly IReadOnlyList<Atom> _atoms = atoms;

            public bool Equals(GroupKey other)
            {
                if (_atoms.Count != other._atoms.Count) return false;
                // Groups are small: every atom of one is looked for in the other (indexed: no enumerator to box).
                for (var i = 0; i < _atoms.Count; i++)
                {
                    var atom = _atoms[i];
                    var found = false;
                    for (var j = 0; j < other._atoms.Count && !found; j++)
                        found = ReferenceEquals(atom.Expression, other._atoms[j].Expression) && atom.Negated == other._atoms[j].Negated;
                    if (!found) return false;
                }
                return true;
            }

            public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

            public override int GetHashCode()
            {
                var hash = 0;
                for (var i = 0; i < _atoms.Count; i++) // order-independent
                    hash += RuntimeHelpers.GetHashCode(_atoms[i].Expression) * (_atoms[i].Negated ? 31 : 17);
                return hash;
            }
        }
    }
}
