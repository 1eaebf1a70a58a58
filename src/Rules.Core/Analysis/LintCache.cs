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
/// Compilations sharing a cache must run one at a time (the language server compiles under one lock).
/// </summary>
public sealed class LintCache
{
    /// <summary>Beyond this many verdicts or shapes, both are dropped at the start of a lint run (the run refills
    /// what it needs). Keys are short (answer sets and fields are numbered), so this bounds the cache to a few
    /// megabytes however long an editing session lasts.</summary>
    private const int MaxVerdicts = 50_000;
    private const int MaxShapes = 10_000;

    private readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<Type, ImmutableArray<Diagnostic>>> _byTree = new();
    private readonly ConcurrentDictionary<string, ConditionJudgement> _judgements = new(StringComparer.Ordinal);
    // The same table, looked up by a key's characters (RL0202/RL0203 make a string only for a key they keep).
    private readonly ConcurrentDictionary<string, ConditionJudgement>.AlternateLookup<ReadOnlySpan<char>> _judgementsByText;
    private readonly ConcurrentDictionary<string, int> _shapes = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();
    private int _lastShapeId;

    public LintCache() => _judgementsByText = _judgements.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A number for an answer set's or field's shape, the same until the cache is trimmed.</summary>
    internal int ShapeId(string shape) => _shapes.GetOrAdd(shape, static (_, cache) => Interlocked.Increment(ref cache._lastShapeId), this);

    /// <summary>Drops every verdict and shape number when there are too many: a verdict's key names shapes by
    /// number, so the two go together.</summary>
    internal void TrimIfFull()
    {
        if (_judgements.Count < MaxVerdicts && _shapes.Count < MaxShapes) return;
        lock (_trimming)
        {
            _judgements.Clear();
            _shapes.Clear();
        }
    }

    internal ImmutableArray<Diagnostic> FindingsIn(SyntaxTree tree, ISyntaxLintRule rule)
    {
        var findings = _byTree.GetOrCreateValue(tree);
        if (findings.TryGetValue(rule.GetType(), out var known)) return known;
        var list = ImmutableArray.CreateBuilder<Diagnostic>();
        rule.AnalyzeTree(tree, list.Add);
        return findings[rule.GetType()] = list.ToImmutable();
    }

    internal bool TryGetJudgement(ReadOnlySpan<char> key, out ConditionJudgement judgement) =>
        _judgementsByText.TryGetValue(key, out judgement);

    internal void AddJudgement(string key, ConditionJudgement judgement) => _judgements[key] = judgement;
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
