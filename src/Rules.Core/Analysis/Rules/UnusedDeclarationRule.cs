using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;

namespace Rules.Core.Analysis.Rules;

/// <summary>RL0401: an answer set or scale of a framework that nothing uses. Libraries exist to be
/// imported, so their declarations are not reported.</summary>
public sealed class UnusedDeclarationRule : ILintRule
{
    public ImmutableArray<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RL0401];

    public void Analyze(SemanticModel model, Action<Diagnostic> report)
    {
        if (model.IsLibrary) return;
        // Each file's uses are gathered once per binding: an edit elsewhere does not go through every reference again.
        var used = new HashSet<Symbol>(ReferenceEqualityComparer.Instance);
        foreach (var file in model.Files) used.UnionWith(file.UsedDeclarations());
        foreach (var set in model.AnswerSets.Where(s => !used.Contains(s)))
            report(DiagnosticCatalog.Unused(set.Location, "Answer set", set.Name));
        foreach (var scale in model.Scales.Where(s => !used.Contains(s)))
            report(DiagnosticCatalog.Unused(scale.Location, "Scale", scale.Name));
    }
}
