using System.Collections.Immutable;

namespace Rules.Engine.Reports;

/// <summary>A case kept out of every count: JSON <c>{ id, line, errors: [{ id, message }] }</c>; id is null when unreadable.</summary>
public sealed record RejectedCase(string? Id, int Line, ImmutableArray<ReportError> Errors);
