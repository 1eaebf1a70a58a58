namespace Rules.Engine.Evaluation;

/// <summary>
/// What a <see cref="ConditionInstruction"/> tests. Each is one shape of condition tested directly
/// on the record's slots; <see cref="Fallback"/> runs a Value-based compiled expression for anything else.
/// </summary>
internal enum ConditionOp : byte
{
    /// <summary>Runs a compiled expression (<see cref="ConditionProgram"/>'s fallbacks, by operand): true when it gives true.</summary>
    Fallback,

    /// <summary>A boolean field is true (no value: false).</summary>
    BooleanField,

    /// <summary>A boolean field has a value equal to the operand (1 true, 0 false).</summary>
    BooleanEquals,

    /// <summary>An enum field's option index equals the operand.</summary>
    EnumEquals,

    /// <summary>An enum field has a value whose option bit is set in the mask (at most 64 options).</summary>
    EnumIn,

    /// <summary>A set field has a value that contains the option with the operand's index.</summary>
    SetContains,

    /// <summary>A set field has a value equal, as a set, to the bit words numbered by the operand.</summary>
    SetEquals,

    /// <summary>A number field has a value equal to the number.</summary>
    NumberEquals,

    /// <summary>A number field has a value less than the number.</summary>
    NumberLess,

    /// <summary>A number field has a value less than or equal to the number.</summary>
    NumberLessOrEqual,

    /// <summary>A number field has a value greater than the number.</summary>
    NumberGreater,

    /// <summary>A number field has a value greater than or equal to the number.</summary>
    NumberGreaterOrEqual,

    /// <summary>The item in an answer slot applies and is answered with the operand's option.</summary>
    AnswerEquals,

    /// <summary>The item in an answer slot applies and is answered with an option whose bit is set in the mask (at most 64 options).</summary>
    AnswerIn,

    /// <summary><c>any</c>, <c>all</c> or <c>none</c> over a key question's prompts (the aggregate numbered by the operand).</summary>
    Aggregate,
}
