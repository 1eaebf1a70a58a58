using Rules.Core.Diagnostics;
using System.CommandLine;
using System.Text.Json;
using Rules.Engine.Explanations;
using Rules.Engine.Input;

namespace Rules.Cli.Commands;

/// <summary><c>rules explain FRAMEWORK --cases FILE --id CASE_ID [--format text|json]</c></summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var framework = new Argument<string>("framework") { Description = "The framework folder" };
        var cases = new Option<string>("--cases") { Description = "Case assessments: .jsonl or .csv", Required = true };
        var id = new Option<string>("--id") { Description = "The id of the case to explain", Required = true };
        var format = new Option<string>("--format") { Description = "Output format: text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("explain", "Show, for one case, why each item applies or not, its answer, and every check and signal")
        {
            framework, cases, id, format,
        };
        command.SetAction(result => Run(context, result.GetValue(framework)!, result.GetValue(cases)!, result.GetValue(id)!, result.GetValue(format)!));
        return command;
    }

    public static int Run(CliContext context, string frameworkPath, string casesPath, string caseId, string format)
    {
        if (CasesFile.Problem(context, casesPath) is { } casesProblem)
        {
            context.Error.WriteLine(casesProblem);
            return ExitCodes.CannotRun;
        }
        var loaded = FrameworkLoader.Load(context, frameworkPath, "explain", out var exit);
        if (loaded is null) return exit;
        var schema = loaded.Value.Framework.Schema as FrameworkCaseSchema ?? FrameworkCaseSchema.Create(loaded.Value.Compilation.Model);
        CaseExplanation? explanation = null;
        var nearest = new NearestId(caseId);
        try
        {
            using var reader = CaseReader.OpenFile(context.FullPath(casesPath), schema);
            var explainer = new CaseExplainer(schema);
            while (reader.MoveNext())
            {
                var id = reader.Current.Id;
                if (id != caseId)
                {
                    nearest.Consider(id);
                    continue;
                }
                explanation = explainer.Explain(reader.Current);
                break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            context.Error.WriteLine($"rules: cannot read the cases file '{casesPath}': {e.Message}");
            return ExitCodes.CannotRun;
        }
        if (explanation is null)
        {
            context.Error.WriteLine($"rules: there is no case with id '{caseId}' in '{casesPath}'"
                + (nearest.Best is { } best ? $"; did you mean '{best}'?" : "."));
            return ExitCodes.Problems;
        }
        if (format == "json") WriteJson(context.Out, explanation);
        else WriteText(context.Out, explanation);
        return ExitCodes.Success;
    }

    private static void WriteText(TextWriter output, CaseExplanation e)
    {
        output.WriteLine($"Case {e.CaseId}{(e.Inspection.Length > 0 ? $" (inspection {e.Inspection})" : "")}, line {e.Line}: {(e.IsRejected ? "rejected" : "evaluated")}");
        output.WriteLine();
        foreach (var item in e.Items)
        {
            var indent = item.Kind switch { "standard" => "", "key question" => "  ", _ => "    " };
            output.WriteLine($"{indent}{item.Code} {item.Title}");
            output.WriteLine($"{indent}  {item.Reason}");
            if (item.Answer is { } answer)
                output.WriteLine($"{indent}  Answer: '{answer.Option}'{(answer.Label is null ? "" : $" ({answer.Label})")}: {answer.Outcome}");
            else if (item.Applies && item.Kind != "standard")
                output.WriteLine($"{indent}  Answer: none given");
        }
        output.WriteLine();
        if (e.Checks.IsEmpty) output.WriteLine("No check or signal held.");
        foreach (var check in e.Checks)
        {
            output.WriteLine($"{(check.IsSignal ? "Signal" : "Check")} held: \"{check.Message}\" (when {check.Condition})");
            if (!check.Seen.IsEmpty) output.WriteLine($"  because {string.Join("; ", check.Seen)}");
        }
        if (e.Problems.IsEmpty) output.WriteLine("No problems.");
        else output.WriteLine("Problems:");
        foreach (var problem in e.Problems)
            output.WriteLine($"  {problem.Id} ({(problem.IsRejection ? "rejects the case" : "warning")}): {problem.Message}");
    }

    private static void WriteJson(TextWriter output, CaseExplanation e)
    {
        var options = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        output.WriteLine(JsonSerializer.Serialize(e, options));
    }

    /// <summary>The case id closest to the one asked for (a digit too many, another case), among those read anyway.</summary>
    private sealed class NearestId(string wanted)
    {
        private int _distance = int.MaxValue;

        public string? Best { get; private set; }

        public void Consider(string? id)
        {
            // Only ids of about the same length can be close: most are skipped without a comparison.
            if (id is null || Math.Abs(id.Length - wanted.Length) > 2 || id.Length > 100) return;
            var distance = Suggestions.Distance(id, wanted);
            // One slip in a short id, a few in a long one: 'C-99' is not a slip of 'C-1'.
            if (distance > Math.Max(1, wanted.Length / 4) || distance >= _distance) return;
            _distance = distance;
            Best = id;
        }
    }
}
