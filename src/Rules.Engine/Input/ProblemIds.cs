namespace Rules.Engine.Input;

/// <summary>The stable ids of data problems found while reading and evaluating case assessments (CLI.md).</summary>
public static class ProblemIds
{
    /// <summary>The line or row cannot be read (malformed JSON, wrong column count, invalid UTF-8, too long) or has no id.</summary>
    public const string Unreadable = "RL1001";

    /// <summary>An answer is given for a code that the framework does not have.</summary>
    public const string UnknownCode = "RL1002";

    /// <summary>An answer or case value is not an option of its answer set or field, or has the wrong type.</summary>
    public const string InvalidValue = "RL1003";

    /// <summary>An item that applies has no answer.</summary>
    public const string MissingAnswer = "RL1004";

    /// <summary>A check holds for the case.</summary>
    public const string CheckFailed = "RL1005";

    /// <summary>The id repeats an earlier case.</summary>
    public const string DuplicateId = "RL1006";

    /// <summary>A signal holds for the case.</summary>
    public const string Signal = "RL1101";

    /// <summary>An answer is given for an item that does not apply.</summary>
    public const string AnswerNotApplicable = "RL1102";

    /// <summary>The input has a case field that the framework does not declare.</summary>
    public const string UnknownField = "RL1103";
}
