using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Rules.Core.Diagnostics;
using Rules.Core.Syntax;

namespace Rules.Core.Analysis;

/// <summary>
/// Lint results kept from one compilation to the next, so that an edit re-lints only what it can have changed.
/// The language server keeps one for its lifetime (<c>rules check</c> compiles once and needs none). Findings of
/// rules that look at one file's syntax alone are kept per syntax tree (an unchanged file keeps its tree);
/// condition verdicts are kept by <see cref="ConditionKey"/>, which names everything a verdict depends on.
/// Thread-safe.
/// </summary>
public sealed class LintCache
{
    /// <summary>Verdicts beyond this many are dropped (all at once: the next compilation refills what it needs).</summary>
    private const int MaxVerdicts = 100_000;

    private readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<Type, ImmutableArray<Diagnostic>>> _byTree = new();
    private readonly ConcurrentDictionary<string, ConditionJudgement> _judgements = new(StringComparer.Ordinal);

    internal ImmutableArray<Diagnostic> FindingsIn(SyntaxTree tree, ISyntaxLintRule rule)
    {
        var findings = _byTree.GetOrCreateValue(tree);
        if (findings.TryGetValue(rule.GetType(), out var known)) return known;
        var list = ImmutableArray.CreateBuilder<Diagnostic>();
        rule.AnalyzeTree(tree, list.Add);
        return findings[rule.GetType()] = list.ToImmutable();
    }

    internal bool TryGetJudgement(string key, out ConditionJudgement judgement) => _judgements.TryGetValue(key, out judgement);

    internal void AddJudgement(string key, ConditionJudgement judgement)
    {
        if (_judgements.Count >= MaxVerdicts) _judgements.Clear();
        _judgements[key] = judgement;
    }
}

/// <summary>What RL0202/RL0203 concluded about a condition under its enclosing conditions.</summary>
internal enum ConditionJudgement
{
    Fine,
    NeverHolds,
    ContradictsEnclosing,
    AlwaysHolds,
    AlwaysHoldsWhereEnclosingApplies,
}
