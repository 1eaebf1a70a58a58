using Rules.Core.Diagnostics;

namespace Rules.Core.Evaluation;

/// <summary>A data problem found in one case (RL1xxx): a rejection (error) or a warning.
/// <see cref="Code"/> names the key question, prompt or field concerned, if any.</summary>
public sealed record CaseProblem(DiagnosticDescriptor Descriptor, DiagnosticSeverity Severity, string Message, string? Code = null)
{
    public string Id => Descriptor.Id;

    public bool IsRejection => Severity == DiagnosticSeverity.Error;
}
