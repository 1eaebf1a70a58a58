using Rules.Core.Diagnostics;
using Rules.Core.Semantics;
using Rules.Core.Workspace;

namespace Rules.SampleData;

/// <summary>Compiles the framework in a folder through the workspace, as the <c>rules</c> command does.</summary>
public static class FrameworkLoader
{
    public static SemanticModel Load(string folder)
    {
        var full = PathUtil.Normalize(Path.GetFullPath(folder));
        var fileSystem = new PhysicalFileSystem();
        if (!fileSystem.DirectoryExists(full))
            throw new SampleDataException($"cannot find the framework folder '{folder}'.");
        var workspace = new RulesWorkspace(fileSystem);
        var project = workspace.Discover(full).FirstOrDefault(p => !p.IsLibrary && p.RootFolder == full)
            ?? throw new SampleDataException($"'{folder}' is not a framework folder (no file in it declares 'framework').");
        var compilation = workspace.Compile(project);
        var errors = compilation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new SampleDataException(
                $"the framework in '{folder}' has errors; fix them first (rules check {folder}):" + Environment.NewLine
                + string.Join(Environment.NewLine, errors.Take(10).Select(d =>
                    $"  {d.Location.Path}({d.Location.LineSpan.Start.Line + 1},{d.Location.LineSpan.Start.Character + 1}): {d.Id}: {d.Message}")));
        return compilation.Model;
    }
}
