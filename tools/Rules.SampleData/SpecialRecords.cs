using System.Collections.Immutable;

namespace Rules.SampleData;

public enum SpecialKind
{
    SignalRaised,
    Truncated,
    UnknownField,
    MissingId,
    OptionNotInSet,
    DuplicateId,
    UnknownCode,
    WrongFieldType,
    InapplicableAnswer,
    MissingAnswer,
    CheckFails,
}

/// <summary>A record made to show one rejection or warning, with the ids it must report.</summary>
public sealed record SpecialRecord(SpecialKind Kind, ImmutableArray<string> Ids, string Purpose);

/// <summary>The records that show how input is rejected or warned about, in file order.</summary>
public static class SpecialRecords
{
    public static readonly ImmutableArray<SpecialRecord> All =
    [
        new(SpecialKind.SignalRaised, ["RL1101"], "a case for which a signal holds (warning)"),
        new(SpecialKind.Truncated, ["RL1001"], "a line cut short: malformed JSON, a CSV row with too few cells"),
        new(SpecialKind.UnknownField, ["RL1103"], "a case field the framework does not declare (warning)"),
        new(SpecialKind.MissingId, ["RL1001"], "a record with no id"),
        new(SpecialKind.OptionNotInSet, ["RL1003"], "an answer given as the option's label, not its name"),
        new(SpecialKind.DuplicateId, ["RL1006"], "the first record again, with the same id"),
        new(SpecialKind.UnknownCode, ["RL1002"], "an answer for a code the framework does not have"),
        new(SpecialKind.WrongFieldType, ["RL1003"], "a number field given as text"),
        new(SpecialKind.InapplicableAnswer, ["RL1102"], "an answer for an item that does not apply (warning)"),
        new(SpecialKind.MissingAnswer, ["RL1004"], "an item that applies left unanswered"),
        new(SpecialKind.CheckFails, ["RL1005"], "a case for which a check holds"),
    ];
}
