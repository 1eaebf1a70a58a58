using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Rules.Core.Analysis;
using Rules.Core.Syntax;
using Rules.Core.Workspace;
using Rules.LanguageServer.Documents;

namespace Rules.LanguageServer.Compilation;

/// <summary>
/// The compiler's view of the editor: the disk with the open documents' unsaved texts laid over it, one
/// long-lived <see cref="SyntaxTreeCache"/> (an edit re-parses only the edited file), project discovery
/// cached per file (invalidated when a document opens or closes, an edit adds or removes a
/// <c>framework</c> declaration, or files change on disk), and the latest compilation of each project
/// (recompiled only when one of its files or imports changed). Thread-safe.
/// </summary>
public sealed class RulesProjectService(DocumentStore documents, ILogger<RulesProjectService> logger)
{
    private readonly CachedFileSystem _disk = new(new PhysicalFileSystem());
    private readonly SyntaxTreeCache _trees = new();
    private readonly LintCache _lint = new();
    private readonly object _gate = new();
    private readonly SemaphoreSlim _compileLock = new(1, 1);
    private readonly Dictionary<string, FrameworkProject> _projectByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _declaresFramework = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectCompilation> _compilations = new(StringComparer.Ordinal);
    private int _generation;
    /// <summary>Which folders declare a framework, valid for one discovery generation (replaced with it).</summary>
    private FrameworkFolderCache _folders = new();

    /// <summary>How many times project discovery was invalidated (for tests and the performance harness).</summary>
    public int DiscoveryGeneration
    {
        get { lock (_gate) return _generation; }
    }

    /// <summary>How many compilations ran (for tests and the performance harness).</summary>
    public int CompilationCount { get; private set; }

    /// <summary>The file system as the compiler should see it now: disk plus open documents.</summary>
    public IFileSystem CurrentFileSystem(out ImmutableDictionary<string, DocumentSnapshot> openByPath)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, DocumentSnapshot>(StringComparer.Ordinal);
        foreach (var document in documents.All) builder[DocumentPaths.ToPath(document.Uri)] = document;
        openByPath = builder.ToImmutable();
        return new OverlayFileSystem(_disk, openByPath.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.Text, StringComparer.Ordinal));
    }

    /// <summary>Every library file of a workspace (a rule file under no framework): what an <c>import</c> may name.</summary>
    public ImmutableArray<string> LibraryFiles(string workspaceRoot)
    {
        var fileSystem = CurrentFileSystem(out _);
        FrameworkFolderCache folders;
        lock (_gate) folders = _folders;
        var workspace = new RulesWorkspace(fileSystem, _trees, _lint, folders);
        return [.. workspace.Discover(workspaceRoot).Where(p => p.IsLibrary).SelectMany(p => p.Files).Order(StringComparer.Ordinal)];
    }

    /// <summary>The parsed text of a document (cached by text).</summary>
    public SyntaxTree Parse(DocumentSnapshot document) => _trees.GetOrParse(DocumentPaths.ToPath(document.Uri), document.Text);

    /// <summary>Files changed on disk (workspace/didChangeWatchedFiles): forget what was read and discovered.</summary>
    public void InvalidateDisk()
    {
        _disk.Invalidate();
        InvalidateDiscovery();
    }

    public void InvalidateDiscovery()
    {
        lock (_gate)
        {
            _generation++;
            _folders = new FrameworkFolderCache();
            _projectByFile.Clear();
        }
    }

    /// <summary>The open document with the compilation it belongs to, or null if the document is not open.</summary>
    public async Task<DocumentAnalysis?> AnalyzeAsync(string uri, CancellationToken cancellationToken)
    {
        if (documents.Get(uri) is not { } document) return null;
        var path = DocumentPaths.ToPath(uri);
        if (!PathUtil.IsRuleFile(path)) return null;
        var fileSystem = CurrentFileSystem(out var open);
        var project = await CompileAsync(FindProject(path, fileSystem, open), fileSystem, cancellationToken);
        var tree = project.FindTree(path) ?? _trees.GetOrParse(path, document.Text);
        if (!ReferenceEquals(tree.Text.Text, document.Text) && tree.Text.Text != document.Text)
            tree = _trees.GetOrParse(path, document.Text);
        return new DocumentAnalysis(document, path, tree, project);
    }

    /// <summary>
    /// The compilations whose diagnostics the editor should show: the project of every open document and
    /// every framework compiled before that imports an open document. Older compilations are dropped.
    /// </summary>
    public async Task<ImmutableArray<ProjectCompilation>> CompileOpenProjectsAsync(CancellationToken cancellationToken)
    {
        var fileSystem = CurrentFileSystem(out var open);
        var projects = new Dictionary<string, FrameworkProject>(StringComparer.Ordinal);
        foreach (var path in open.Keys)
        {
            // Other open documents (rules.json) only lay their unsaved text over the disk: not rule files to compile.
            if (!PathUtil.IsRuleFile(path)) continue;
            var project = FindProject(path, fileSystem, open);
            projects.TryAdd(Key(project), project);
        }
        List<ProjectCompilation> importers;
        lock (_gate)
            importers = [.. _compilations.Values.Where(c => !c.Project.IsLibrary && open.Keys.Any(c.Imports))];
        foreach (var importer in importers)
        {
            // Rediscover: the framework may have changed since it was compiled.
            var project = FindProject(importer.Project.Files.FirstOrDefault() ?? importer.Project.RootFolder, fileSystem, open);
            projects.TryAdd(Key(project), project);
        }
        var result = ImmutableArray.CreateBuilder<ProjectCompilation>();
        foreach (var project in projects.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(await CompileAsync(project, fileSystem, cancellationToken));
        }
        lock (_gate)
            foreach (var key in _compilations.Keys.Where(k => !projects.ContainsKey(k)).ToList())
                _compilations.Remove(key);
        return result.ToImmutable();
    }

    /// <summary>
    /// Every framework of the workspace that imports the library file (directly or through another library),
    /// compiled: a library's symbol is renamed, and its references found, in all of them.
    /// </summary>
    public async Task<ImmutableArray<ProjectCompilation>> CompileImportersAsync(string libraryPath, CancellationToken cancellationToken)
    {
        var fileSystem = CurrentFileSystem(out _);
        var root = new RulesWorkspace(fileSystem, _trees).FindWorkspaceRoot(libraryPath);
        var result = ImmutableArray.CreateBuilder<ProjectCompilation>();
        foreach (var project in Discover(root, fileSystem).Where(p => !p.IsLibrary))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var compilation = await CompileAsync(project, fileSystem, cancellationToken);
            if (compilation.Imports(libraryPath)) result.Add(compilation);
        }
        return result.ToImmutable();
    }

    private FrameworkProject FindProject(string path, IFileSystem fileSystem, ImmutableDictionary<string, DocumentSnapshot> open)
    {
        CheckDiscoveryStillValid(open);
        lock (_gate)
        {
            if (_projectByFile.TryGetValue(path, out var known)) return known;
        }
        var discovered = Discover(path, fileSystem);
        lock (_gate)
        {
            foreach (var project in discovered)
            foreach (var file in project.Files)
                if (!project.IsLibrary || !_projectByFile.ContainsKey(file))
                    _projectByFile[file] = project;
        }
        return discovered.FirstOrDefault(p => p.Files.Contains(path))
               ?? new FrameworkProject(PathUtil.Directory(path), [path], IsLibrary: true, PathUtil.Directory(path));
    }

    private ImmutableArray<FrameworkProject> Discover(string path, IFileSystem fileSystem)
    {
        try
        {
            return new RulesWorkspace(fileSystem, _trees).Discover(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not discover the framework of {Path}: {Message}", path, e.Message);
            return [];
        }
    }

    /// <summary>Invalidates discovery when the open documents changed or one gained or lost a framework declaration.</summary>
    private void CheckDiscoveryStillValid(ImmutableDictionary<string, DocumentSnapshot> open)
    {
        var declares = new List<(string Path, bool Declares)>(open.Count);
        foreach (var (path, document) in open)
            declares.Add((path, _trees.GetOrParse(path, document.Text).Root.Declarations.Any(d => d is FrameworkDeclarationSyntax)));
        lock (_gate)
        {
            var changed = declares.Count != _declaresFramework.Count
                          || declares.Any(d => !_declaresFramework.TryGetValue(d.Path, out var before) || before != d.Declares);
            if (!changed) return;
            _declaresFramework.Clear();
            foreach (var (path, value) in declares) _declaresFramework[path] = value;
            _generation++;
            _folders = new FrameworkFolderCache();
            _projectByFile.Clear();
        }
    }

    private async Task<ProjectCompilation> CompileAsync(FrameworkProject project, IFileSystem fileSystem, CancellationToken cancellationToken)
    {
        var key = Key(project);
        await _compileLock.WaitAsync(cancellationToken);
        try
        {
            int generation;
            ProjectCompilation? cached;
            FrameworkFolderCache folders;
            lock (_gate)
            {
                generation = _generation;
                folders = _folders;
                if (_compilations.TryGetValue(key, out cached) && IsFresh(cached, project, generation, fileSystem))
                    return cached;
            }
            // The previous compilation of the project lends the bindings of the files the edit did not affect.
            var compilation = new ProjectCompilation(new RulesWorkspace(fileSystem, _trees, _lint, folders).Compile(project, cached?.Compilation), generation);
            CompilationCount++;
            lock (_gate) _compilations[key] = compilation;
            return compilation;
        }
        finally
        {
            _compileLock.Release();
        }
    }

    private static bool IsFresh(ProjectCompilation cached, FrameworkProject project, int generation, IFileSystem fileSystem)
    {
        if (cached.DiscoveryGeneration != generation || !cached.Project.Files.SequenceEqual(project.Files)) return false;
        foreach (var tree in cached.Compilation.Model.AllTrees)
        {
            string text;
            try
            {
                text = fileSystem.ReadAllText(tree.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
            if (!ReferenceEquals(text, tree.Text.Text) && text != tree.Text.Text) return false;
        }
        return true;
    }

    private static string Key(FrameworkProject project) => project.IsLibrary ? "library:" + project.Files.FirstOrDefault() : "framework:" + project.RootFolder;
}
