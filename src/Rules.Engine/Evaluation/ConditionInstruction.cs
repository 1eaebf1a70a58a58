namespace Rules.Engine.Evaluation;

/// <summary>
/// One test of a <see cref="ConditionProgram"/>: what to test (<paramref name="Op"/> on a field or
/// answer <paramref name="Slot"/>, with an option index or table number in <paramref name="Operand"/>,
/// a bit mask or a number), and where to go next when it holds and when it does not: another
/// instruction's index, or <see cref="ConditionProgram.True"/> / <see cref="ConditionProgram.False"/>.
/// </summary>
internal readonly record struct ConditionInstruction(
    ConditionOp Op,
    int Slot,
    int Operand,
    int IfTrue,
    int IfFalse,
    ulong Mask = 0,
    double Number = 0);
