using System.Collections.Immutable;

namespace Rules.Engine.Reports;

/// <summary>
/// The result of <c>rules evaluate</c>, shaped exactly as CLI.md's JSON report: the framework,
/// input counts (read = evaluated + rejected), per-inspection results (<c>"*"</c> = all cases),
/// rejected cases with every reason, and warnings.
/// </summary>
public sealed record EvaluationReport(
    FrameworkSummary Framework,
    InputSummary Input,
    ImmutableArray<InspectionReport> Inspections,
    ImmutableArray<RejectedCase> Rejected,
    ImmutableArray<CaseWarning> Warnings);
