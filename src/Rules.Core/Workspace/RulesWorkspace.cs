using System.Collections.Immutable;
using Rules.Core.Analysis;
using Rules.Core.Diagnostics;
using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.Core.Workspace;

/// <summary>
/// Finds frameworks and libraries on a file system and compiles them. A framework is the folder
/// holding a file that declares <c>framework</c>, with every <c>.rules</c> file beneath it except
/// under a deeper framework folder; a file under no framework is a library, compiled on its own.
/// </summary>
public sealed class RulesWorkspace(IFileSystem fileSystem, SyntaxTreeCache? cache = null, LintCache? lintCache = null, FrameworkFolderCache? folders = null)
{
    private readonly SyntaxTreeCache _cache = cache ?? new SyntaxTreeCache();

    public IFileSystem FileSystem { get; } = fileSystem;

    /// <summary>The nearest folder at or above the path holding <c>.git</c> or <c>rules.json</c>.</summary>
    public string FindWorkspaceRoot(string path)
    {
        var start = PathUtil.Normalize(path);
        var directory = FileSystem.DirectoryExists(start) ? start : PathUtil.Directory(start);
        for (var d = directory; ; d = PathUtil.Directory(d))
        {
            if (FileSystem.DirectoryExists(PathUtil.Combine(d, ".git")) || FileSystem.FileExists(PathUtil.Combine(d, ".git"))
                || FileSystem.FileExists(PathUtil.Combine(d, RulesSettings.FileName)))
                return d;
            var parent = PathUtil.Directory(d);
            if (parent == d || parent.Length == 0) return directory;
        }
    }

    public SyntaxTree GetTree(string path) => _cache.GetOrParse(path, FileSystem.ReadAllText(path));

    /// <summary>Whether a file directly in this folder declares a framework.</summary>
    public bool DeclaresFramework(string directory)
    {
        var folder = PathUtil.Normalize(directory).TrimEnd('/');
        return FileSystem.EnumerateRuleFiles(directory)
            .Where(f => PathUtil.Directory(f) == folder)
            .Any(f => GetTree(f).Root.Declarations.Any(d => d is FrameworkDeclarationSyntax));
    }

    /// <summary>The framework folder a file belongs to, or null for a library file.</summary>
    public string? FindFrameworkRoot(string file, string workspaceRoot) => FindFrameworkRoot(file, workspaceRoot, null);

    /// <summary>
    /// As above, remembering for the length of one operation which folders declare a framework: a
    /// folder of many files (or many imports) would otherwise list and inspect its files again for each.
    /// </summary>
    private string? FindFrameworkRoot(string file, string workspaceRoot, Dictionary<string, bool>? declaresFramework)
    {
        for (var d = PathUtil.Directory(file); PathUtil.IsUnder(d, workspaceRoot); d = PathUtil.Directory(d))
        {
            bool declares;
            if (folders is not null) declares = folders.Declares(d, DeclaresFramework);
            else if (declaresFramework is null) declares = DeclaresFramework(d);
            else if (!declaresFramework.TryGetValue(d, out declares)) declaresFramework[d] = declares = DeclaresFramework(d);
            if (declares) return d;
            var parent = PathUtil.Directory(d);
            if (parent == d || parent.Length == 0) break;
        }
        return null;
    }

    /// <summary>Every framework and library at or below a folder, or the one holding a file.</summary>
    public ImmutableArray<FrameworkProject> Discover(string path)
    {
        var normalized = PathUtil.Normalize(path);
        var root = FindWorkspaceRoot(normalized);
        var files = FileSystem.FileExists(normalized) ? [normalized] : FileSystem.EnumerateRuleFiles(normalized).ToList();
        var projects = new List<FrameworkProject>();
        var frameworkRoots = new SortedSet<string>(StringComparer.Ordinal);
        var declaresFramework = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var frameworkRoot = FindFrameworkRoot(file, root, declaresFramework);
            if (frameworkRoot is null)
            {
                projects.Add(new FrameworkProject(PathUtil.Directory(file), [file], IsLibrary: true, root));
                continue;
            }
            frameworkRoots.Add(frameworkRoot);
        }
        foreach (var frameworkRoot in frameworkRoots)
            projects.Add(new FrameworkProject(frameworkRoot, [.. FrameworkFiles(frameworkRoot, root, declaresFramework)], IsLibrary: false, root));
        return [.. projects.OrderBy(p => p.IsLibrary).ThenBy(p => p.RootFolder, StringComparer.Ordinal).ThenBy(p => p.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>A framework's own files: all beneath its folder except deeper frameworks' files.</summary>
    private IEnumerable<string> FrameworkFiles(string frameworkRoot, string workspaceRoot, Dictionary<string, bool> declaresFramework) =>
        FileSystem.EnumerateRuleFiles(frameworkRoot).Where(f => FindFrameworkRoot(f, workspaceRoot, declaresFramework) == frameworkRoot);

    public FrameworkCompilation Compile(FrameworkProject project) => Compile(project, null);

    /// <summary>
    /// As above, reusing what <paramref name="previous"/> (an earlier compilation of the same project) bound and
    /// linted in files that neither changed nor depend on a changed file. The result is the same as without it.
    /// </summary>
    public FrameworkCompilation Compile(FrameworkProject project, FrameworkCompilation? previous) =>
        Compile(project, previous, RulesSettings.Load(FileSystem, project.WorkspaceRoot), checkImportedFiles: true);

    /// <summary>The settings are read once for a compilation and the checks of the files it imports (the same workspace).</summary>
    private FrameworkCompilation Compile(FrameworkProject project, FrameworkCompilation? previous, RulesSettings settings, bool checkImportedFiles)
    {
        // Read one by one (a file system need not be safe to share between threads), then parsed on every core.
        var trees = _cache.GetOrParseAll(project.Files, [.. project.Files.Select(FileSystem.ReadAllText)]);
        var importDiagnostics = new List<Diagnostic>();
        var leadingImports = new Dictionary<string, LeadingImport>(StringComparer.Ordinal);
        var (imported, lostImport) = ResolveImports(project, trees, importDiagnostics, leadingImports);
        var prior = new List<Diagnostic>(importDiagnostics);
        if (checkImportedFiles) prior.AddRange(ImportedFilesWithErrors(project, imported, leadingImports, importDiagnostics, settings));
        if (project.IsLibrary)
        {
            foreach (var tree in trees)
            foreach (var d in tree.Root.Declarations.Where(d => d is FrameworkDeclarationSyntax or DomainDeclarationSyntax or TestDeclarationSyntax))
            {
                if (d is FrameworkDeclarationSyntax) continue;
                prior.Add(DiagnosticCatalog.NoFramework(new Location(tree.Text, d.StartToken.Span), PathUtil.Directory(tree.Path)));
            }
        }
        var model = Binder.Bind(project, trees, imported, prior, previous?.Model);
        var all = model.Diagnostics.Concat(Analyzer.Analyze(model, lintCache))
            // An import that brings nothing in (not found, outside the workspace, a framework's file) would make every use
            // of what it declares unknown: those are left out, and its RL0108 says so.
            .Where(d => !lostImport || d.Descriptor != DiagnosticCatalog.RL0103 && d.Descriptor != DiagnosticCatalog.RL0104)
            .Select(settings.Apply)
            .OfType<Diagnostic>()
            .Concat(settings.Problems)
            .Distinct()
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Span.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new FrameworkCompilation(model, all);
    }

    /// <summary>
    /// RL0108 at the project's import that leads to each imported file with errors of its own. A library file is
    /// checked on its own, and a framework that imports it takes its declarations as they are: without this, a
    /// framework would check clean, and be evaluated, with a scale whose level starts at 165% or an answer set
    /// with a doubled option, its own errors pointing anywhere but at the cause. Each imported file is checked as
    /// `rules check` checks it alone (the files it imports are imported here too, and checked in turn).
    /// </summary>
    private IEnumerable<Diagnostic> ImportedFilesWithErrors(
        FrameworkProject project, ImmutableArray<SyntaxTree> imported, Dictionary<string, LeadingImport> leadingImports, List<Diagnostic> reported,
        RulesSettings settings)
    {
        foreach (var tree in imported)
        {
            if (!leadingImports.TryGetValue(tree.Path, out var leading)) continue;
            // An import problem already reported at that import (a cycle through it) comes first.
            if (reported.Any(d => d.Location.Source == leading.At.Source && d.Location.Span == leading.At.Span)) continue;
            var alone = new FrameworkProject(PathUtil.Directory(tree.Path), [tree.Path], IsLibrary: true, project.WorkspaceRoot);
            var errors = Compile(alone, null, settings, checkImportedFiles: false).Diagnostics
                .Where(d => d.IsError && d.Location.Path == tree.Path)
                .ToList();
            if (errors.Count == 0) continue;
            var file = PathUtil.Relative(tree.Path, project.WorkspaceRoot);
            var through = leading.Target == tree.Path ? null : PathUtil.Relative(leading.Target, project.WorkspaceRoot);
            yield return DiagnosticCatalog.ImportHasErrors(leading.At, file, through, errors.Count, errors[0]);
        }
    }

    /// <summary>The import in one of the project's own files that brings a file in (directly or through others), and the file it names.</summary>
    private readonly record struct LeadingImport(Location At, string Target);

    /// <summary>Compiles every framework and library at or below a path.</summary>
    public ImmutableArray<FrameworkCompilation> CompileAll(string path) => [.. Discover(path).Select(Compile)];

    /// <summary>The files the project imports, directly or through others, and whether any import brought nothing in.</summary>
    private (ImmutableArray<SyntaxTree> Trees, bool LostAny) ResolveImports(
        FrameworkProject project, ImmutableArray<SyntaxTree> roots, List<Diagnostic> diagnostics, Dictionary<string, LeadingImport> leadingImports)
    {
        var result = new List<SyntaxTree>();
        var lostAny = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var declaresFramework = new Dictionary<string, bool>(StringComparer.Ordinal);
        var own = new HashSet<string>(roots.Select(t => t.Path), StringComparer.Ordinal);
        var stack = new List<string>();

        // Problems are reported in the project's own files; a cycle met deeper down is reported
        // at the project's import that leads into it.
        void Visit(SyntaxTree tree, bool report, LeadingImport? rootImport)
        {
            stack.Add(tree.Path);
            foreach (var import in tree.Root.Declarations.OfType<ImportDeclarationSyntax>())
            {
                if (import.Path.IsMissing) continue;
                var relative = import.Path.ValueText;
                var target = PathUtil.Combine(PathUtil.Directory(tree.Path), relative);
                var at = new Location(tree.Text, import.Path.Span);
                if (!PathUtil.IsUnder(target, project.WorkspaceRoot))
                {
                    if (report) diagnostics.Add(DiagnosticCatalog.ImportOutsideRoot(at, relative));
                    lostAny = true;
                    continue;
                }
                if (!FileSystem.FileExists(target))
                {
                    if (report) diagnostics.Add(DiagnosticCatalog.ImportNotFound(at, relative));
                    lostAny = true;
                    continue;
                }
                if (stack.Contains(target))
                {
                    var cycle = stack.SkipWhile(p => p != target).Append(target).Select(p => PathUtil.Relative(p, project.WorkspaceRoot));
                    if (report || (rootImport is not null && own.Contains(target)))
                        diagnostics.Add(DiagnosticCatalog.ImportCycle(report ? at : rootImport!.Value.At, string.Join(" → ", cycle)));
                    continue;
                }
                if (own.Contains(target) || FindFrameworkRoot(target, project.WorkspaceRoot, declaresFramework) is not null)
                {
                    if (report) diagnostics.Add(DiagnosticCatalog.ImportOfFramework(at, relative));
                    if (!own.Contains(target)) lostAny = true; // a file of the project itself is bound anyway
                    continue;
                }
                if (!seen.Add(target)) continue;
                var importedTree = GetTree(target);
                result.Add(importedTree);
                var leading = rootImport ?? new LeadingImport(at, target);
                leadingImports[target] = leading;
                Visit(importedTree, report: false, leading);
            }
            stack.RemoveAt(stack.Count - 1);
        }

        foreach (var root in roots) Visit(root, report: true, null);
        return ([.. result], lostAny);
    }
}
