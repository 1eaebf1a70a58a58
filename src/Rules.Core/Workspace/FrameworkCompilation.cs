using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Workspace;

/// <summary>A compiled framework or library: its semantic model and every diagnostic, lint rules and
/// <c>rules.json</c> severities included, sorted by file and position.</summary>
public sealed record FrameworkCompilation(SemanticModel Model, ImmutableArray<Diagnostic> Diagnostics)
{
    public FrameworkProject Project => Model.Project;

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
