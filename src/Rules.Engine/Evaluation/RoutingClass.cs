namespace Rules.Engine.Evaluation;

/// <summary>
/// Items that apply together: those whose parent is in class <paramref name="Parent"/> (-1: no
/// parent) and whose own condition is the one starting at <paramref name="Condition"/> in the
/// framework's <see cref="ConditionProgram"/> (<see cref="ConditionProgram.True"/>: none).
/// </summary>
internal readonly record struct RoutingClass(int Parent, int Condition);
