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
        private readonly Dictionary<CaseFieldSymbol, IReadOnlyList<CaseValue?>?> _domains = new(ReferenceEqualityComparer.Instance);

        /// <summary>A field's values, worked out once per run (a set field has one per subset of its values).</summary>
        internal IReadOnlyList<CaseValue?>? DomainOf(CaseFieldSymbol field, Func<CaseFieldSymbol, IReadOnlyList<CaseValue?>?> make)
        {
            if (!_domains.TryGetValue(field, out var domain)) _domains[field] = domain = make(field);
            return domain;
        }

        internal Verdict GetOrAdd(List<Atom> group, Func<IReadOnlyList<Atom>, SolverMemo, Verdict> search)
        {
            var key = new GroupKey([.. group.OrderBy(a => RuntimeHelpers.GetHashCode(a.Expression)).ThenBy(a => a.Negated)]);
            if (_verdicts.TryGetValue(key, out var verdict)) return verdict;
            verdict = search(group, this);
            _verdicts[key] = verdict;
            return verdict;
        }

        private readonly struct GroupKey(Atom[] atoms) : IEquatable<GroupKey>
        {
            private readonly Atom[] _atoms = atoms;

            public bool Equals(GroupKey other)
            {
                if (_atoms.Length != other._atoms.Length) return false;
                for (var i = 0; i < _atoms.Length; i++)
                    if (!ReferenceEquals(_atoms[i].Expression, other._atoms[i].Expression) || _atoms[i].Negated != other._atoms[i].Negated) return false;
                return true;
            }

            public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

            public override int GetHashCode()
            {
                var hash = new HashCode();
                foreach (var atom in _atoms) { hash.Add(RuntimeHelpers.GetHashCode(atom.Expression)); hash.Add(atom.Negated); }
                return hash.ToHashCode();
            }
        }
    }
}
