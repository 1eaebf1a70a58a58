using System.Collections.Immutable;
using Rules.Core.Evaluation;

namespace Rules.SampleData;

/// <summary>What is wrong with a record at the level of the file, before its content is read.</summary>
public enum RecordDefect
{
    None,
    /// <summary>The JSON line is cut short (malformed JSON); the CSV row has too few cells.</summary>
    Truncated,
    /// <summary>The record has no id.</summary>
    MissingId,
}

/// <summary>
/// One generated case assessment, as written to both files: <see cref="Number"/> is its line in the
/// JSON Lines file (its CSV row is one line lower, under the header). <see cref="Intended"/> lists the
/// ids (RL1xxx) the evaluation should report for it, sorted; empty for a clean case.
/// </summary>
public sealed record SampleRecord(
    int Number,
    string? Id,
    string Inspection,
    ImmutableArray<KeyValuePair<string, CaseValue>> Fields,
    ImmutableArray<KeyValuePair<string, string>> Answers,
    RecordDefect Defect,
    ImmutableArray<string> Intended,
    string Purpose)
{
    public bool IsRejected => Intended.Any(id => string.CompareOrdinal(id, "RL1100") < 0);

    /// <summary>The record as the reference interpreter takes it (the id as given, "" when missing).</summary>
    public CaseAssessment ToAssessment() => new(
        Id ?? "",
        Inspection,
        Fields.ToImmutableDictionary(),
        Answers.ToImmutableDictionary(),
        Number);
}
