using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;
using static Rules.Core.Analysis.ConditionSolver;

namespace Rules.Core.Analysis.Rules;

/// <summary>
/// RL0202 (a condition can never hold, alone or together with the conditions of the items that
/// enclose it) and RL0203 (a condition always holds, alone or wherever its enclosing items apply).
/// A condition is searched once per <see cref="ConditionKey"/> (questions renamed): within a run, and with the
/// language server's <see cref="LintCache"/> across compilations.
/// </summary>
public sealed class ConditionSatisfiabilityRule : IFileLintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0202, DiagnosticCatalog.RL0203];

    public void Analyze(SemanticModel model, Action<Diagnostic> report) => Analyze(model, null, report);

    public void Analyze(SemanticModel model, LintCache? cache, Action<Diagnostic> report)
    {
        // Without a cache (one check), verdicts are still shared within the run: many items repeat a condition
        // under the same enclosing ones.
        IFileLintRule.AnalyzeOwnFiles(this, model, cache ?? new LintCache(), report);
    }

    void IFileLintRule.AnalyzeFile(FileBinding file, LintCache? cache, Action<Diagnostic> report)
    {
        var memo = new SolverMemo();
        cache ??= new LintCache();
        cache.TrimIfFull();
        var keys = new ConditionKey(cache.ShapeId, renameQuestions: true);
        foreach (var item in file.Standards.Cast<RoutedSymbol>().Concat(file.Questions))
        {
            if (item.Condition is null || BoundExpressionFacts.ContainsError(item.Condition)) continue;
            if (item.Condition.Type.Kind != BoundTypeKind.Boolean) continue; // RL0106 already reported
            var enclosing = item.Parent?.ConditionChain() ?? [];
            Judge(item, item.Condition, enclosing, item.Display, isCheck: false, memo, cache, keys, report);
        }
        foreach (var check in file.Checks)
        {
            if (BoundExpressionFacts.ContainsError(check.Condition) || check.Condition.Syntax is null) continue;
            if (check.Condition.Type.Kind != BoundTypeKind.Boolean) continue; // RL0106 already reported
            var enclosing = check.Owner?.ConditionChain() ?? [];
            Judge(check, check.Condition, enclosing, check.IsSignal ? "signal" : "check", isCheck: true, memo, cache, keys, report);
        }
    }

    private static void Judge(Symbol owner, BoundExpression condition, IReadOnlyList<(RoutedSymbol Owner, BoundExpression Condition)> enclosing,
        string name, bool isCheck, SolverMemo memo, LintCache cache, ConditionKey keys, Action<Diagnostic> report)
    {
        foreach (var e in enclosing)
            if (BoundExpressionFacts.ContainsError(e.Condition)) return;

        var key = keys.Write(condition, enclosing);
        if (!cache.TryGetJudgement(key, out var judgement))
        {
            var kept = key.ToString(); // before deciding: the key's characters are only lent
            cache.AddJudgement(kept, judgement = Decide(condition, enclosing, memo));
        }
        if (judgement == ConditionJudgement.Fine) return;

        // The text and location are only worked out for a report: most conditions are fine.
        var location = BoundExpressionFacts.LocationOf(owner, condition);
        var text = BoundExpressionFacts.Text(condition);
        var outer = enclosing.Count > 0 ? enclosing[^1] : default;
        // Where the enclosing condition is written, for editors to link to when it is the reason.
        RelatedLocation? Outer() => new(BoundExpressionFacts.LocationOf(outer.Owner, outer.Condition), $"The condition of {outer.Owner.Display}");
        switch (judgement)
        {
            case ConditionJudgement.NeverHolds:
            case ConditionJudgement.ContradictsEnclosing:
                var contradicts = judgement == ConditionJudgement.ContradictsEnclosing;
                var reason = contradicts
                    ? $"'{text}' contradicts the condition of {outer.Owner.Display}, '{BoundExpressionFacts.Text(outer.Condition)}'"
                    : $"no case can meet '{text}'";
                var related = contradicts ? Outer() : null;
                report(isCheck
                    ? DiagnosticCatalog.CheckNeverHolds(location, name, reason, related)
                    : DiagnosticCatalog.NeverHolds(location, Binder.Capitalize(name), reason, related));
                break;
            case ConditionJudgement.AlwaysHolds:
                report(DiagnosticCatalog.AlwaysHolds(location, isCheck ? $"this {name}" : name, isCheck ? " (every case would be caught)" : ""));
                break;
            case ConditionJudgement.AlwaysHoldsWhereEnclosingApplies:
                report(DiagnosticCatalog.AlwaysHolds(location, isCheck ? $"this {name}" : name, $" wherever {outer.Owner.Display} applies", Outer()));
                break;
        }
    }

    /// <summary>What to report about a condition under its enclosing conditions: a function of the conditions alone.</summary>
    private static ConditionJudgement Decide(BoundExpression condition, IReadOnlyList<(RoutedSymbol Owner, BoundExpression Condition)> enclosing, SolverMemo memo)
    {
        // A case meeting the enclosing conditions and this one meets this one alone, so the search
        // alone is needed only when the joint one finds no case. (This holds whenever the
        // condition compares numbers only with constants: the joint search then tries a finer
        // set of values, see ConditionSolver.)
        var exact = BoundExpressionFacts.ComparesNumbersWithConstantsOnly(condition);
        var joint = enclosing.Count > 0 ? CanAllHold([.. enclosing.Select(e => e.Condition), condition], memo) : Verdict.Unknown;
        if ((joint != Verdict.Satisfiable || !exact) && CanAllHold([condition], memo) == Verdict.Unsatisfiable)
            return ConditionJudgement.NeverHolds;
        if (enclosing.Count > 0 && joint == Verdict.Unsatisfiable)
            return ConditionJudgement.ContradictsEnclosing;
        // Likewise a case where the enclosing conditions hold and this one does not is a case
        // where this one does not hold.
        var jointAlways = enclosing.Count > 0 ? AlwaysHolds(condition, [.. enclosing.Select(e => e.Condition)], memo) : Verdict.Unknown;
        if ((jointAlways != Verdict.Unsatisfiable || !exact) && AlwaysHolds(condition, [], memo) == Verdict.Satisfiable)
            return ConditionJudgement.AlwaysHolds;
        if (enclosing.Count > 0 && jointAlways == Verdict.Satisfiable)
            return ConditionJudgement.AlwaysHoldsWhereEnclosingApplies;
        return ConditionJudgement.Fine;
    }
}
