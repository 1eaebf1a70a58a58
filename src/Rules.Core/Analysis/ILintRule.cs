using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis;

/// <summary>One lint rule: looks at a bound framework and reports what it finds.</summary>
public interface ILintRule
{
    ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    void Analyze(SemanticModel model, Action<Diagnostic> report);
}
