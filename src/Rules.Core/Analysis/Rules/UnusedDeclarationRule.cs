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
        // What the reused files use is gathered once for as long as the same files are reused; each compilation
        // adds the uses of the files it bound. An edit does not go through every file's references again.
        var reused = model.State.ColdTable is { } cold
            ? (HashSet<Symbol>)cold.LintMemo.GetOrAdd(typeof(UnusedDeclarationRule), _ => UsesOf(model.Files.Where(model.Reused)))
            : [];
        var used = new HashSet<Symbol>(reused, SymbolComparer.Instance);
        foreach (var file in model.Files)
            if (!model.Reused(file)) used.UnionWith(file.UsedDeclarations());
        foreach (var set in model.AnswerSets.Where(s => !used.Contains(s)))
            report(DiagnosticCatalog.Unused(set.Location, "Answer set", set.Name));
        foreach (var scale in model.Scales.Where(s => !used.Contains(s)))
            report(DiagnosticCatalog.Unused(scale.Location, "Scale", scale.Name));
    }

    private static HashSet<Symbol> UsesOf(IEnumerable<FileBinding> files)
    {
        var used = new HashSet<Symbol>(SymbolComparer.Instance);
        foreach (var file in files) used.UnionWith(file.UsedDeclarations());
        return used;
    }
}
