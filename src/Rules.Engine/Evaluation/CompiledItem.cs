using Rules.Core.Semantics;

namespace Rules.Engine.Evaluation;

/// <summary>
/// A standard, key question or prompt with its parent's index (-1: none), its own condition, and
/// its routing class (<see cref="RoutingPlan"/>): it applies exactly when its class does.
/// </summary>
internal sealed record CompiledItem(RoutedSymbol Symbol, int Parent, BoundExpression? Condition, int Class);
