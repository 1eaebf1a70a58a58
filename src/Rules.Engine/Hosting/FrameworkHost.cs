using System.Collections.Immutable;
using Rules.Core.Diagnostics;
using Rules.Core.Workspace;
using Rules.Engine.Evaluation;

namespace Rules.Engine.Hosting;

/// <summary>
/// Keeps a compiled framework for a long-running service and reloads it from its folder on request.
/// A reload whose text has errors (or cannot be read) is refused and the last good framework stays in use.
/// <see cref="Current"/> may be read from any thread while another thread reloads.
/// </summary>
public sealed class FrameworkHost
{
    private readonly IFileSystem _fileSystem;
    private readonly SyntaxTreeCache _trees = new(); // unchanged files are not parsed again on reload
    private readonly object _reloading = new();
    private LoadedFramework? _current;

    public FrameworkHost(IFileSystem fileSystem, string frameworkFolder)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentException.ThrowIfNullOrEmpty(frameworkFolder);
        _fileSystem = fileSystem;
        FrameworkFolder = frameworkFolder;
    }

    public string FrameworkFolder { get; }

    /// <summary>The framework in use: the last one that compiled without errors, or null before the first good load.</summary>
    public LoadedFramework? Current => Volatile.Read(ref _current);

    /// <summary>Compiles the folder as it is now; takes the result up only when it has no errors.</summary>
    public FrameworkReload Reload()
    {
        lock (_reloading)
        {
            FrameworkCompilation? compilation;
            try
            {
                // One snapshot of the files per reload: each file is read once, so a file saved while the
                // folder is being compiled cannot be seen in two versions by one compilation.
                var workspace = new RulesWorkspace(new CachedFileSystem(_fileSystem), _trees);
                compilation = workspace.CompileAll(FrameworkFolder).FirstOrDefault(c => !c.Model.IsLibrary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new FrameworkReload(false, [], Current, $"Cannot read the framework folder '{FrameworkFolder}': {e.Message}");
            }
            if (compilation is null)
                return new FrameworkReload(false, [], Current, $"'{FrameworkFolder}' holds no framework (no file declares `framework`).");
            if (compilation.HasErrors)
                return new FrameworkReload(false, compilation.Diagnostics, Current,
                    $"The framework has {compilation.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s); the previous version stays in use.");
            var loaded = new LoadedFramework(compilation, CompiledFramework.Create(compilation.Model), (Current?.Generation ?? 0) + 1);
            Volatile.Write(ref _current, loaded);
            return new FrameworkReload(true, compilation.Diagnostics, loaded);
        }
    }
}
