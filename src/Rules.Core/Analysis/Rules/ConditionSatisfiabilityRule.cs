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
        foreach (var item in model.Standards.Cast<RoutedSymbol>().Concat(model.Questions))
        {
            if (item.Condition is null || BoundExpressionFacts.ContainsError(item.Condition)) continue;
            var enclosing = item.Parent?.ConditionChain().ToList() ?? [];
            Judge(item, item.Condition, enclosing, Binder.Capitalize(item.Display), isCheck: false, report);
        }
        foreach (var check in model.AllChecks)
        {
            if (BoundExpressionFacts.ContainsError(check.Condition) || check.Condition.Syntax is null) continue;
            var enclosing = check.Owner?.ConditionChain().ToList() ?? [];
            Judge(check, check.Condition, enclosing, check.IsSignal ? "signal" : "check", isCheck: true, report);
        }
    }

    private static void Judge(Symbol owner, BoundExpression condition, List<(RoutedSymbol Owner, BoundExpression Condition)> enclosing,
        string name, bool isCheck, Action<Diagnostic> report)
    {
        if (enclosing.Any(e => BoundExpressionFacts.ContainsError(e.Condition))) return;
        var location = BoundExpressionFacts.LocationOf(owner, condition);
        var text = BoundExpressionFacts.Text(condition);

        if (CanAllHold([condition]) == Verdict.Unsatisfiable)
        {
            var reason = $"no case can meet '{text}'";
            report(isCheck ? DiagnosticCatalog.CheckNeverHolds(location, name, reason) : DiagnosticCatalog.NeverHolds(location, name, reason));
            return;
        }
        if (enclosing.Count > 0 && CanAllHold([.. enclosing.Select(e => e.Condition), condition]) == Verdict.Unsatisfiable)
        {
            var outer = enclosing.Last();
            var reason = $"'{text}' contradicts the condition of {outer.Owner.Display}, '{BoundExpressionFacts.Text(outer.Condition)}'";
            report(isCheck ? DiagnosticCatalog.CheckNeverHolds(location, name, reason) : DiagnosticCatalog.NeverHolds(location, name, reason));
            return;
        }
        if (AlwaysHolds(condition, []) == Verdict.Satisfiable)
        {
            report(DiagnosticCatalog.AlwaysHolds(location, isCheck ? $"this {name}" : name, isCheck ? " (every case would be caught)" : ""));
            return;
        }
        if (enclosing.Count > 0 && AlwaysHolds(condition, [.. enclosing.Select(e => e.Condition)]) == Verdict.Satisfiable)
        {
            var outer = enclosing.Last();
            report(DiagnosticCatalog.AlwaysHolds(location, isCheck ? $"this {name}" : name, $" wherever {outer.Owner.Display} applies"));
        }
    }
}
