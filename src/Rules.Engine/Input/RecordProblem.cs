namespace Rules.Engine.Input;

/// <summary>
/// One problem with one case assessment (one line or row of input).
/// </summary>
/// <param name="Id">The stable problem id, one of <see cref="ProblemIds"/>.</param>
/// <param name="Severity">Whether the case is rejected or only warned about.</param>
/// <param name="Message">A complete sentence naming the case, the line, the field or code and the bad value.</param>
/// <param name="CaseId">The case id, when it could be read.</param>
/// <param name="Line">The 1-based physical line where the case starts.</param>
/// <param name="Subject">The case field or answer code at fault (e.g. <c>case.rosh</c>, <c>2.4.1</c>), when there is one.</param>
/// <param name="Value">The offending value as written in the input, when there is one.</param>
public sealed record RecordProblem(
    string Id,
    ProblemSeverity Severity,
    string Message,
    string? CaseId,
    int Line,
    string? Subject = null,
    string? Value = null);
