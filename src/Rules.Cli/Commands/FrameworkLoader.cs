using Rules.Cli.Output;
using Rules.Core.Diagnostics;
using Rules.Core.Workspace;
using Rules.Engine.Evaluation;

namespace Rules.Cli.Commands;

/// <summary>Compiles the framework named on the command line for <c>evaluate</c> and <c>explain</c>.</summary>
internal static class FrameworkLoader
{
    /// <summary>
    /// The compiled framework, or null after printing why: exit 2 when the folder cannot be found or read
    /// or holds no framework, 1 when the framework has errors (printed as <c>rules check</c> prints them).
    /// </summary>
    public static (FrameworkCompilation Compilation, CompiledFramework Framework)? Load(CliContext context, string path, string command, out int exit)
    {
        exit = ExitCodes.CannotRun;
        var compilations = WorkspaceLoader.Load(context, [path], command);
        if (compilations is null) return null;
        var compilation = compilations.Value.FirstOrDefault(c => !c.Model.IsLibrary);
        if (compilation is null)
        {
            context.Error.WriteLine($"rules: '{path}' holds no framework (no file declares `framework`).");
            return null;
        }
        if (compilation.HasErrors)
        {
            var errors = WorkspaceLoader.AllDiagnostics([compilation]).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            DiagnosticWriter.Write(context.Error, "text", errors, context.DisplayPath);
            context.Error.WriteLine(errors.Count == 1 ? "rules: the framework has 1 error; fix it before evaluating." : $"rules: the framework has {errors.Count} errors; fix them before evaluating.");
            exit = ExitCodes.Problems;
            return null;
        }
        exit = ExitCodes.Success;
        return (compilation, CompiledFramework.Create(compilation.Model));
    }
}
