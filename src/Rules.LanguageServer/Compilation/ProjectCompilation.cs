using System.Collections.Immutable;
using Rules.Core.Syntax;
using Rules.Core.Workspace;

namespace Rules.LanguageServer.Compilation;

/// <summary>A compiled framework or library together with the texts it was compiled from, so that
/// <see cref="RulesProjectService"/> can tell when it is out of date.</summary>
public sealed record ProjectCompilation(FrameworkCompilation Compilation, int DiscoveryGeneration)
{
    public FrameworkProject Project => Compilation.Project;

    public SyntaxTree? FindTree(string path) => Compilation.Model.FindTree(path);

    /// <summary>Whether the project owns the file (not merely imports it).</summary>
    public bool Owns(string path) => Compilation.Model.Trees.Any(t => t.Path == path);

    public bool Imports(string path) => Compilation.Model.ImportedTrees.Any(t => t.Path == path);

    public ImmutableArray<string> OwnFiles => [.. Compilation.Model.Trees.Select(t => t.Path)];
}
