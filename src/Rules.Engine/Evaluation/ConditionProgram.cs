namespace Rules.Engine.Evaluation;

/// <summary>
/// Every condition of a framework compiled into one array of tests with jumps (a decision diagram):
/// <c>and</c>, <c>or</c> and <c>not</c> become where each test goes next, so a condition is run by
/// a loop over small structs with no call per node. A condition is known by its entry: the index
/// of its first test, or <see cref="True"/> / <see cref="False"/> for a constant. Immutable.
/// </summary>
internal sealed class ConditionProgram(
    ConditionInstruction[] code,
    ulong[][] setWords,
    PromptAggregate[] aggregates,
    Func<EvaluationScope, Value>[] fallbacks)
{
    /// <summary>The entry or jump target meaning "the condition holds".</summary>
    public const int True = -2;

    /// <summary>The entry or jump target meaning "the condition does not hold".</summary>
    public const int False = -1;

    /// <summary>The tests, for inspection by tests.</summary>
    public ReadOnlySpan<ConditionInstruction> Code => code;

    /// <summary>The aggregates numbered by <see cref="ConditionOp.Aggregate"/> tests' operands.</summary>
    public ReadOnlySpan<PromptAggregate> Aggregates => aggregates;

    /// <summary>A <see cref="ConditionOp.SetEquals"/> test: the set field has a value equal to the bit words numbered <paramref name="words"/>.</summary>
    public bool SetEquals(Input.CaseRecord record, int slot, int words) =>
        record.HasValue(slot) && record.GetSetWords(slot).SequenceEqual(setWords[words]);

    /// <summary>A <see cref="ConditionOp.Fallback"/> test: the compiled expression numbered <paramref name="fallback"/> gives true.</summary>
    public bool Fallback(int fallback, EvaluationScope scope) => fallbacks[fallback](scope).IsTrue;

    /// <summary>Whether the condition starting at <paramref name="entry"/> holds for the scope's case.</summary>
    public bool Holds(int entry, EvaluationScope scope)
    {
        var program = code;
        var record = scope.Record;
        var pc = entry;
        while ((uint)pc < (uint)program.Length)
        {
            ref readonly var test = ref program[pc];
            var slot = test.Slot;
            bool holds;
            switch (test.Op)
            {
                case ConditionOp.BooleanField:
                    holds = record.GetBoolean(slot);
                    break;
                case ConditionOp.BooleanEquals:
                    holds = record.HasValue(slot) && (record.GetBoolean(slot) ? 1 : 0) == test.Operand;
                    break;
                case ConditionOp.EnumEquals:
                    holds = record.GetOption(slot) == test.Operand;
                    break;
                case ConditionOp.EnumIn:
                {
                    var option = record.GetOption(slot);
                    holds = (uint)option < 64 && (test.Mask >> option & 1) != 0;
                    break;
                }

                case ConditionOp.SetContains:
                    holds = record.SetContains(slot, test.Operand);
                    break;
                case ConditionOp.SetEquals:
                    holds = SetEquals(record, slot, test.Operand);
                    break;
                case ConditionOp.NumberEquals:
                    holds = record.HasValue(slot) && record.GetNumber(slot) == test.Number;
                    break;
                case ConditionOp.NumberLess:
                    holds = record.HasValue(slot) && record.GetNumber(slot) < test.Number;
                    break;
                case ConditionOp.NumberLessOrEqual:
                    holds = record.HasValue(slot) && record.GetNumber(slot) <= test.Number;
                    break;
                case ConditionOp.NumberGreater:
                    holds = record.HasValue(slot) && record.GetNumber(slot) > test.Number;
                    break;
                case ConditionOp.NumberGreaterOrEqual:
                    holds = record.HasValue(slot) && record.GetNumber(slot) >= test.Number;
                    break;
                case ConditionOp.AnswerEquals:
                    holds = scope.AnswerOf(slot) == test.Operand;
                    break;
                case ConditionOp.AnswerIn:
                {
                    var answer = scope.AnswerOf(slot);
                    holds = (uint)answer < 64 && (test.Mask >> answer & 1) != 0;
                    break;
                }

                case ConditionOp.Aggregate:
                    holds = aggregates[test.Operand].Holds(scope);
                    break;
                default:
                    holds = fallbacks[test.Operand](scope).IsTrue;
                    break;
            }

            pc = holds ? test.IfTrue : test.IfFalse;
        }

        return pc == True;
    }
}
