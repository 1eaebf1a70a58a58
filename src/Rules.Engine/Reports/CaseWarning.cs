namespace Rules.Engine.Reports;

/// <summary>
/// A warning about a case: JSON <c>{ id, case, line, message }</c> (id such as RL1101). A value type:
/// a run may hold millions of them.
/// </summary>
public readonly record struct CaseWarning(string Id, string? Case, int Line, string Message);
