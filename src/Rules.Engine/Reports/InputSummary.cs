namespace Rules.Engine.Reports;

/// <summary>Case counts: JSON <c>input: { read, evaluated, rejected }</c>; read = evaluated + rejected.</summary>
public sealed record InputSummary(long Read, long Evaluated, long Rejected);
