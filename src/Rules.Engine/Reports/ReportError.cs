namespace Rules.Engine.Reports;

/// <summary>One reason a case was rejected: JSON <c>{ id, message }</c> (id such as RL1003).</summary>
public sealed record ReportError(string Id, string Message);
