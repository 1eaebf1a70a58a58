namespace Rules.Engine.Input;

/// <summary>
/// One problem with one case assessment (one line or row of input).
/// </summary>
/// <param name="Id">The stable problem id, one of <see cref="ProblemIds"/>.</param>
/// <param name="Severity">Whether the case is rejected or only warned about.</param>
/// <param name="Detail">What is wrong, naming the field or code and the bad value, without the case and line (often shared between records).</param>
/// <param name="CaseId">The case id, when it could be read.</param>
/// <param name="Line">The 1-based physical line where the case starts.</param>
/// <param name="Subject">The case field or answer code at fault (e.g. <c>case.rosh</c>, <c>2.4.1</c>), when there is one.</param>
/// <param name="Value">The offending value as written in the input, when there is one.</param>
public sealed record RecordProblem(
    string Id,
    ProblemSeverity Severity,
    string Detail,
    string? CaseId,
    int Line,
    string? Subject = null,
    string? Value = null)
{
    /// <summary>The whole message: "Case "C-0017" on line 17: " (or "Line 17: ") and the detail.</summary>
    public string Message => (CaseId is null ? $"Line {Line}: " : $"Case {ProblemCollector.Quote(CaseId)} on line {Line}: ") + Detail;

    /// <summary>The detail as a sentence on its own (capitalised), for reports that give case and line apart.</summary>
    public string Sentence => Detail.Length == 0 || char.IsUpper(Detail[0]) ? Detail : char.ToUpperInvariant(Detail[0]) + Detail[1..];
}
