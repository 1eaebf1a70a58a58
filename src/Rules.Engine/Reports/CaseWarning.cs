namespace Rules.Engine.Reports;

/// <summary>A warning about a case: JSON <c>{ id, case, line, message }</c> (id such as RL1101).</summary>
public sealed record CaseWarning(string Id, string? Case, int Line, string Message);
