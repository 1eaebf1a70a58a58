using System.Collections.Immutable;
using Rules.Core.Semantics;

namespace Rules.LanguageServer.Compilation;

/// <summary>One compilation's view of a symbol: each framework binds an imported library on its own.</summary>
public sealed record SymbolInCompilation(ProjectCompilation Compilation, Symbol Symbol)
{
    public SemanticModel Model => Compilation.Compilation.Model;
}

/// <summary>
/// Where a symbol lives across the workspace. A symbol of a framework's own files lives in that framework
/// alone; a symbol declared in a library lives in every framework that imports the library (and in the
/// library checked on its own), so renaming it or finding its references covers all of them.
/// </summary>
public static class SymbolOccurrences
{
    public static async Task<ImmutableArray<SymbolInCompilation>> FindAsync(
        RulesProjectService projects, DocumentAnalysis analysis, Symbol symbol, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<SymbolInCompilation>();
        result.Add(new SymbolInCompilation(analysis.Project, symbol));
        var declaredIn = symbol.Location.Path;
        var inLibrary = analysis.Project.Project.IsLibrary || analysis.Project.Imports(declaredIn);
        if (!inLibrary || declaredIn.Length == 0) return result.ToImmutable();
        foreach (var importer in await projects.CompileImportersAsync(declaredIn, cancellationToken))
        {
            if (!analysis.Project.Project.IsLibrary && importer.Project.RootFolder == analysis.Project.Project.RootFolder)
                continue; // the framework being edited, already first
            if (importer.Compilation.Model.FindSameDeclaration(symbol) is { } same)
                result.Add(new SymbolInCompilation(importer, same));
        }
        return result.ToImmutable();
    }
}
