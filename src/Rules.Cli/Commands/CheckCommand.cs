using System.CommandLine;
using Rules.Cli.Output;
using Rules.Core.Diagnostics;

namespace Rules.Cli.Commands;

/// <summary><c>rules check PATH... [--format text|json|sarif|github] [--warnings-as-errors]</c></summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Framework folders or .rules files to check", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format: text, json, sarif or github", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(DiagnosticWriter.Formats);
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Fail on warnings too" };
        var output = new Option<string?>("--output") { Description = "Write the results to this file instead of standard output" };
        var command = new Command("check", "Parse, bind and lint frameworks; print diagnostics") { paths, format, warningsAsErrors, output };
        command.SetAction(result => Run(context, result.GetValue(paths)!, result.GetValue(format)!, result.GetValue(warningsAsErrors), result.GetValue(output)));
        return command;
    }

    public static int Run(CliContext context, string[] paths, string format, bool warningsAsErrors, string? outputPath)
    {
        var compilations = WorkspaceLoader.Load(context, paths, "check", holdCollector: true);
        if (compilations is null) return ExitCodes.CannotRun;
        var diagnostics = WorkspaceLoader.AllDiagnostics(compilations);
        return OutputFile.With(context, outputPath, writer =>
        {
            DiagnosticWriter.Write(writer, format, diagnostics, context.DisplayPath);
            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            if (format == "text")
            {
                var files = compilations.Value.SelectMany(c => c.Model.Trees).Select(t => t.Path).Distinct().Count();
                writer.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")} in {files} file{(files == 1 ? "" : "s")}.");
            }
            return errors > 0 || (warningsAsErrors && warnings > 0) ? ExitCodes.Problems : ExitCodes.Success;
        });
    }
}
