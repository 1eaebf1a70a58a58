using System.CommandLine;
using Rules.Cli.Output;
using Rules.Core.Diagnostics;
using Rules.Core.Workspace;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;
using Rules.Engine.Reports;
using Spectre.Console;

namespace Rules.Cli.Commands;

/// <summary>
/// <c>rules evaluate FRAMEWORK --cases FILE [--ratings FILE] [--format text|json|markdown|html]
/// [--output FILE] [--by BREAKDOWN...] [--fail-on-rejected] [--allow-missing]</c>
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var framework = new Argument<string>("framework") { Description = "The framework folder" };
        var cases = new Option<string>("--cases") { Description = "Case assessments: .jsonl or .csv", Required = true };
        var ratings = new Option<string?>("--ratings") { Description = "Inspector ratings (JSON) for standards rated by inspector" };
        var format = new Option<string>("--format") { Description = "Report format: text, json, markdown or html", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output") { Description = "Write the report to this file instead of standard output" };
        var by = new Option<string[]>("--by") { Description = "Report only these breakdowns", AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var failOnRejected = new Option<bool>("--fail-on-rejected") { Description = "Exit with 1 when any case is rejected" };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "A missing answer is a warning; the item is left out of that case's counts" };
        var command = new Command("evaluate", "Evaluate case assessments and rate inspections")
        {
            framework, cases, ratings, format, output, by, failOnRejected, allowMissing,
        };
        command.SetAction(result => Run(context, new Options(
            result.GetValue(framework)!, result.GetValue(cases)!, result.GetValue(ratings), result.GetValue(format)!,
            result.GetValue(output), result.GetValue(by), result.GetValue(failOnRejected), result.GetValue(allowMissing))));
        return command;
    }

    internal sealed record Options(string Framework, string Cases, string? Ratings, string Format, string? Output, string[]? By, bool FailOnRejected, bool AllowMissing);

    public static int Run(CliContext context, Options options)
    {
        var format = ReportWriters.Parse(options.Format);
        if (format is null)
        {
            context.Error.WriteLine($"rules: unknown format '{options.Format}'; use text, json, markdown or html.");
            return ExitCodes.CannotRun;
        }
        if (CasesFile.Problem(context, options.Cases) is { } casesProblem)
        {
            context.Error.WriteLine(casesProblem);
            return ExitCodes.CannotRun;
        }
        var loaded = FrameworkLoader.Load(context, options.Framework, "evaluate", out var exit);
        if (loaded is null) return exit;
        var (compilation, compiled) = loaded.Value;

        var ratings = InspectorRatings.None;
        if (options.Ratings is not null)
        {
            string json;
            try { json = File.ReadAllText(context.FullPath(options.Ratings)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"rules: cannot read the ratings file '{options.Ratings}': {e.Message}");
                return ExitCodes.CannotRun;
            }
            ratings = InspectorRatings.Parse(json, compilation.Model, out var problems);
            if (!problems.IsDefaultOrEmpty)
            {
                foreach (var problem in problems) context.Error.WriteLine($"{options.Ratings}: {problem}");
                return ExitCodes.CannotRun;
            }
        }

        EvaluationReport report;
        try
        {
            var casesPath = context.FullPath(options.Cases);
            using var reader = CaseReader.OpenFile(casesPath, compiled.Schema, options: CaseReaderOptions.ForThisMachine());
            report = Console.IsErrorRedirected || !ReferenceEquals(context.Error, Console.Error)
                ? EvaluationRun.Run(reader, compiled, ratings, options.AllowMissing)
                : RunWithProgress(reader, compiled, ratings, options.AllowMissing, new FileInfo(casesPath).Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            context.Error.WriteLine($"rules: cannot read the cases file '{options.Cases}': {e.Message}");
            return ExitCodes.CannotRun;
        }

        if (options.By is { Length: > 0 })
        {
            report = BreakdownSelection.Keep(report, options.By, out var unknown);
            if (!unknown.IsDefaultOrEmpty)
            {
                var known = string.Join(", ", compilation.Model.Breakdowns.Select(b => b.Name));
                foreach (var name in unknown)
                    context.Error.WriteLine($"rules: the framework has no breakdown '{name}'{(known.Length > 0 ? $" (it has: {known})" : " (it has none)")}.");
                return ExitCodes.CannotRun;
            }
        }

        var scale = compilation.Model.Framework?.Scale is { } s ? ReportScale.From(s) : ReportScale.Standard;
        return OutputFile.With(context, options.Output, writer =>
        {
            ReportWriters.For(format.Value).Write(report, scale, writer);
            return options.FailOnRejected && report.Input.Rejected > 0 ? ExitCodes.Problems : ExitCodes.Success;
        });
    }

    private static EvaluationReport RunWithProgress(CaseReader reader, CompiledFramework framework, InspectorRatings ratings, bool allowMissing, long length)
    {
        EvaluationReport? report = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("Evaluating cases", maxValue: Math.Max(1, length));
                report = EvaluationRun.Run(reader, framework, ratings, allowMissing, (records, bytes) =>
                {
                    task.Value = Math.Min(bytes, length);
                    task.Description = $"Evaluating cases ({records:N0} read)";
                });
                task.Value = task.MaxValue;
            });
        return report!;
    }
}
