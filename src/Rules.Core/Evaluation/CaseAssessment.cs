using System.Collections.Immutable;

namespace Rules.Core.Evaluation;

/// <summary>One inspected case as input: its id, inspection, case field values and answers by code.</summary>
public sealed record CaseAssessment(
    string Id,
    string Inspection,
    ImmutableDictionary<string, CaseValue> Fields,
    ImmutableDictionary<string, string> Answers,
    int Line = 0);
