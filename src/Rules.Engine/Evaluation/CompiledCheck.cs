using Rules.Core.Semantics;

namespace Rules.Engine.Evaluation;

/// <summary>A check or signal: the item that must apply for it to be evaluated (-1: always), and its condition.</summary>
internal sealed record CompiledCheck(CheckSymbol Symbol, int Owner, Func<EvaluationScope, bool> Condition);
