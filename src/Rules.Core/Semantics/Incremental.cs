using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Syntax;
using Rules.Core.Workspace;

namespace Rules.Core.Semantics;

/// <summary>
/// Binds a project again after some of its files changed, reusing the bindings of every other file from the
/// previous compilation. A file's binding is reused when it does not depend (directly or through other files) on
/// a changed file — it points at no symbol of one — and every changed file declares exactly what it declared
/// before (<see cref="FileBinding.Interface"/>), so that no lookup another file made can come out differently.
/// Anything else (files added, removed or reordered, a changed declaration, an invariant not met) binds every
/// file, as a fresh compilation would. Either way the model is the one a fresh compilation builds; a
/// differential test holds the two to that.
/// </summary>
internal static class Incremental
{
    public static SemanticModel? TryBind(
        FrameworkProject project, ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> imported, List<Diagnostic> prior, SemanticModel previous)
    {
        if (previous.Project.RootFolder != project.RootFolder || previous.Project.IsLibrary != project.IsLibrary) return null;
        var files = previous.Files;
        if (files.Length != imported.Length + trees.Length) return null;
        var changed = new List<int>();
        for (var i = 0; i < files.Length; i++)
        {
            var isImported = i < imported.Length;
            var tree = isImported ? imported[i] : trees[i - imported.Length];
            if (files[i].Imported != isImported || files[i].Path != tree.Path) return null;
            if (!ReferenceEquals(files[i].Tree, tree)) changed.Add(i);
        }

        var state = previous.State;
        var dependents = state.Dependents ?? DependentsOf(files);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<string>();
        foreach (var i in changed)
            if (bound.Add(files[i].Path)) work.Push(files[i].Path);
        while (work.Count > 0)
            if (dependents.TryGetValue(work.Pop(), out var users))
                foreach (var user in users)
                    if (bound.Add(user)) work.Push(user);
        if (bound.Count == files.Length) return null;

        // The reused files' declarations: the same table as last time when the same files are bound again (typing
        // in one file), else gathered once from the reused bindings.
        var cold = state.ColdTable is { } table && state.BoundPaths is { } paths && paths.SetEquals(bound)
            ? table
            : DeclarationTable.FromFiles(files.Where(f => !bound.Contains(f.Path)));

        var toBind = new List<(SyntaxTree, bool)>(bound.Count);
        var characters = 0;
        for (var i = 0; i < files.Length; i++)
        {
            if (!bound.Contains(files[i].Path)) continue;
            var tree = i < imported.Length ? imported[i] : trees[i - imported.Length];
            toBind.Add((tree, files[i].Imported));
            characters += tree.Text.Length;
        }
        var binder = new Binder(project, trees, imported, cold, characters);
        var result = binder.BindFiles(toBind);
        if (binder.NeedsFullBinding) return null;

        var merged = files.ToBuilder();
        var dependenciesChanged = false;
        var r = 0;
        for (var i = 0; i < merged.Count; i++)
        {
            if (!bound.Contains(merged[i].Path)) continue;
            var before = merged[i];
            var after = result[r++];
            if (!ReferenceEquals(before.Tree, after.Tree) && !before.Interface.SequenceEqual(after.Interface)) return null;
            if (!before.DependsOn.SetEquals(after.DependsOn)) dependenciesChanged = true;
            merged[i] = after;
        }
        var next = new IncrementalState(bound, cold, dependenciesChanged ? null : dependents);
        return binder.CreateModel(merged.ToImmutable(), prior, next);
    }

    /// <summary>For each path, the files whose bindings point into it.</summary>
    private static Dictionary<string, List<string>> DependentsOf(ImmutableArray<FileBinding> files)
    {
        var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        foreach (var path in file.DependsOn)
        {
            if (!dependents.TryGetValue(path, out var list)) dependents[path] = list = [];
            list.Add(file.Path);
        }
        return dependents;
    }

    /// <summary>Whether file <paramref name="first"/> comes before <paramref name="second"/> in the project's order.</summary>
    public static bool ComesBefore(ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> imported, string first, string second)
    {
        foreach (var tree in imported.Concat(trees))
        {
            if (tree.Path == first) return true;
            if (tree.Path == second) return false;
        }
        return false;
    }
}
