using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis;

/// <summary>One lint rule: looks at a bound framework and reports what it finds.</summary>
public interface ILintRule
{
    ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    void Analyze(SemanticModel model, Action<Diagnostic> report);

    /// <summary>As above, reusing what an earlier compilation found where the rule can tell it still holds.</summary>
    void Analyze(SemanticModel model, LintCache? cache, Action<Diagnostic> report) => Analyze(model, report);
}
