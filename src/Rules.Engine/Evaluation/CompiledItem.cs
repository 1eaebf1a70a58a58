using Rules.Core.Semantics;

namespace Rules.Engine.Evaluation;

/// <summary>A standard, key question or prompt with its parent's index and its compiled condition.</summary>
internal sealed record CompiledItem(RoutedSymbol Symbol, int Parent, Func<EvaluationScope, bool>? Condition);
