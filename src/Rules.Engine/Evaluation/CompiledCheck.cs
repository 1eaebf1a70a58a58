using Rules.Core.Semantics;

namespace Rules.Engine.Evaluation;

/// <summary>
/// A check or signal: the item that must apply for it to be evaluated (-1: always) and that item's
/// routing class, and its condition's entry in the framework's <see cref="ConditionProgram"/>.
/// </summary>
internal sealed record CompiledCheck(CheckSymbol Symbol, int Owner, int OwnerClass, int Condition);
