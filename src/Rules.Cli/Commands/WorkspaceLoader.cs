using System.Collections.Immutable;
using Rules.Cli.Memory;
using Rules.Core.Diagnostics;
using Rules.Core.Workspace;

namespace Rules.Cli.Commands;

/// <summary>Compiles every framework and library named on the command line, once each.</summary>
internal static class WorkspaceLoader
{
    /// <summary>
    /// Null (after printing why) when a path does not exist. <paramref name="holdCollector"/>: <c>check</c> and
    /// <c>test</c> hold the collector off once the files are read (<see cref="CollectorPause"/>); <c>evaluate</c>
    /// and <c>explain</c> do not, since what they read next (case data) has no bound.
    /// </summary>
    public static ImmutableArray<FrameworkCompilation>? Load(CliContext context, IEnumerable<string> paths, string command, bool holdCollector = false)
    {
        // One snapshot of the files for the run: each framework's compilation looks at the same folders again.
        var files = new CachedFileSystem(context.FileSystem);
        var workspace = new RulesWorkspace(files);
        var projects = new List<FrameworkProject>();
        foreach (var path in paths)
        {
            var full = context.FullPath(path);
            if (!context.Exists(full))
            {
                context.Error.WriteLine(context.CannotFind(path, command));
                return null;
            }
            foreach (var project in workspace.Discover(full))
                if (!projects.Any(p => p.RootFolder == project.RootFolder && p.Files.SequenceEqual(project.Files)))
                    projects.Add(project);
        }
        try
        {
            // The texts are read first (the snapshot keeps them for the compilations): the pause is sized from them.
            if (holdCollector)
                CollectorPause.TryHoldFor(context.CollectorPause, projects.SelectMany(p => p.Files).Distinct(StringComparer.Ordinal).Sum(f => (long)files.ReadAllText(f).Length));
            return [.. projects.Select(workspace.Compile)];
        }
        catch (IOException e)
        {
            context.Error.WriteLine($"rules: cannot read the rule files: {e.Message}");
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            context.Error.WriteLine($"rules: cannot read the rule files: {e.Message}");
            return null;
        }
    }

    public static ImmutableArray<Diagnostic> AllDiagnostics(IEnumerable<FrameworkCompilation> compilations) =>
        [.. compilations.SelectMany(c => c.Diagnostics)
            .DistinctBy(d => (d.Location.Path, d.Location.Span, d.Id, d.Message))
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Span.Start)];
}
