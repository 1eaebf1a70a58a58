using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;
using static Rules.Core.Analysis.ConditionSolver;

namespace Rules.Core.Analysis.Rules;

/// <summary>
/// RL0202 (a condition can never hold, alone or together with the conditions of the items that
/// enclose it) and RL0203 (a condition always holds, alone or wherever its enclosing items apply).
/// </summary>
public sealed class ConditionSatisfiabilityRule : ILintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0202, DiagnosticCatalog.RL0203];

    public void Analyze(SemanticModel model, Action<Diagnostic> report)
    {
        var memo = new SolverMemo();
        foreach (var item in model.Standards.Cast<RoutedSymbol>().Concat(model.Questions))
        {
            if (item.Condition is null || BoundExpressionFacts.ContainsError(item.Condition)) continue;
            if (item.Condition.Type.Kind != BoundTypeKind.Boolean) continue; // RL0106 already reported
            var enclosing = item.Parent?.ConditionChain().ToList() ?? [];
            Judge(item, item.Condition, enclosing, item.Display, isCheck: false, memo, report);
        }
        foreach (var check in model.AllChecks)
        {
            if (BoundExpressionFacts.ContainsError(check.Condition) || check.Condition.Syntax is null) continue;
            if (check.Condition.Type.Kind != BoundTypeKind.Boolean) continue; // RL0106 already reported
            var enclosing = check.Owner?.ConditionChain().ToList() ?? [];
            Judge(check, check.Condition, enclosing, check.IsSignal ? "signal" : "check", isCheck: true, memo, report);
        }
    }

    private static void Judge(Symbol owner, BoundExpression condition, List<(RoutedSymbol Owner, BoundExpression Condition)> enclosing,
        string name, bool isCheck, SolverMemo memo, Action<Diagnostic> report)
    {
        foreach (var e in enclosing)
            if (BoundExpressionFacts.ContainsError(e.Condition)) return;
        // The text and location are only worked out for a report: most conditions are fine.
        Location Location() => BoundExpressionFacts.LocationOf(owner, condition);
        string Text() => BoundExpressionFacts.Text(condition);

        // A case meeting the enclosing conditions and this one meets this one alone, so the search
        // alone is needed only when the joint one finds no case. (This holds whenever the
        // condition compares numbers only with constants: the joint search then tries a finer
        // set of values, see ConditionSolver.)
        var exact = BoundExpressionFacts.ComparesNumbersWithConstantsOnly(condition);
        var joint = enclosing.Count > 0 ? CanAllHold([.. enclosing.Select(e => e.Condition), condition], memo) : Verdict.Unknown;
        if ((joint != Verdict.Satisfiable || !exact) && CanAllHold([condition], memo) == Verdict.Unsatisfiable)
        {
            var reason = $"no case can meet '{Text()}'";
            report(isCheck ? DiagnosticCatalog.CheckNeverHolds(Location(), name, reason) : DiagnosticCatalog.NeverHolds(Location(), Binder.Capitalize(name), reason));
            return;
        }
        if (enclosing.Count > 0 && joint == Verdict.Unsatisfiable)
        {
            var outer = enclosing.Last();
            var reason = $"'{Text()}' contradicts the condition of {outer.Owner.Display}, '{BoundExpressionFacts.Text(outer.Condition)}'";
            report(isCheck ? DiagnosticCatalog.CheckNeverHolds(Location(), name, reason) : DiagnosticCatalog.NeverHolds(Location(), Binder.Capitalize(name), reason));
            return;
        }
        // Likewise a case where the enclosing conditions hold and this one does not is a case
        // where this one does not hold.
        var jointAlways = enclosing.Count > 0 ? AlwaysHolds(condition, [.. enclosing.Select(e => e.Condition)], memo) : Verdict.Unknown;
        if ((jointAlways != Verdict.Unsatisfiable || !exact) && AlwaysHolds(condition, [], memo) == Verdict.Satisfiable)
        {
            report(DiagnosticCatalog.AlwaysHolds(Location(), isCheck ? $"this {name}" : name, isCheck ? " (every case would be caught)" : ""));
            return;
        }
        if (enclosing.Count > 0 && jointAlways == Verdict.Satisfiable)
        {
            var outer = enclosing.Last();
            report(DiagnosticCatalog.AlwaysHolds(Location(), isCheck ? $"this {name}" : name, $" wherever {outer.Owner.Display} applies"));
        }
    }
}
