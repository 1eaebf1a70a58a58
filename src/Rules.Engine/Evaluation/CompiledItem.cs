using Rules.Core.Semantics;

namespace Rules.Engine.Evaluation;

/// <summary>
/// A standard, key question or prompt with its parent's index and its compiled condition.
/// <paramref name="SharedCondition"/> numbers a condition on case fields only that other items
/// have too (written the same), so that it is tested once per case; -1 otherwise.
/// </summary>
internal sealed record CompiledItem(RoutedSymbol Symbol, int Parent, Func<EvaluationScope, bool>? Condition, int SharedCondition = -1);
