using System.Runtime.CompilerServices;
using System.Text;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;
using Rules.Core.Workspace;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Framework;

/// <summary>
/// The frameworks in the repository's rules/ folder: random cases generated from each framework's
/// own schema, evaluated by the compiled evaluator and by the reference interpreter.
/// </summary>
public sealed class RealFrameworkTests
{
    public static TheoryData<string> Frameworks()
    {
        var data = new TheoryData<string>();
        var rules = Path.Combine(RepositoryRoot(), "rules");
        if (!Directory.Exists(rules)) return data;
        foreach (var directory in Directory.GetDirectories(rules).Order(StringComparer.Ordinal))
        {
            if (Directory.GetFiles(directory, "*.rules").Length > 0 && Path.GetFileName(directory) != "common")
                data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_compiled_evaluator_agrees_with_the_reference_interpreter(string name)
    {
        var model = Compile(name);
        var framework = CompiledFramework.Create(model);
        var reference = new ReferenceInterpreter(model);
        var evaluator = new CaseEvaluator(framework);
        var random = new Random(name.Length * 7919);
        var text = string.Join("\n", Enumerable.Range(0, 300).Select(i => RandomCase(random, framework.Schema, i)));
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), CaseInputFormat.JsonLines, framework.Schema);
        var compared = 0;
        while (reader.MoveNext())
        {
            var record = reader.Current;
            Assert.DoesNotContain(record.Problems, p => p.Severity == ProblemSeverity.Rejection);
            var allowMissing = compared % 2 == 0;
            evaluator.Evaluate(record, allowMissing);
            var expected = reference.Evaluate(framework.Schema.ToAssessment(record), allowMissing);
            foreach (var item in model.Questions.Cast<RoutedSymbol>().Concat(model.Standards))
                Assert.True(expected.AppliesTo(item) == evaluator.Applies(item), $"{record.Id}: {item.Display}");
            static string? Subject(string id, string? code) => id is ProblemIds.CheckFailed or ProblemIds.Signal ? null : code;
            var ours = record.Problems.Select(p => $"{p.Id} {p.Severity == ProblemSeverity.Rejection} {Subject(p.Id, p.Subject)}").Order().ToList();
            var theirs = expected.Problems.Select(p => $"{p.Id} {p.IsRejection} {Subject(p.Id, p.Code)}").Order().ToList();
            Assert.Equal(theirs, ours);
            compared++;
        }

        Assert.Equal(300, compared);
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void A_whole_run_keeps_read_equal_to_evaluated_plus_rejected(string name)
    {
        var framework = CompiledFramework.Create(Compile(name));
        var random = new Random(3);
        var text = string.Join("\n", Enumerable.Range(0, 200).Select(i => RandomCase(random, framework.Schema, i % 150)));
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), CaseInputFormat.JsonLines, framework.Schema);
        var report = EvaluationRun.Run(reader, framework, InspectorRatings.None, allowMissing: true);
        Assert.Equal(200, report.Input.Read);
        Assert.Equal(report.Input.Read, report.Input.Evaluated + report.Input.Rejected);
        Assert.Equal(report.Input.Rejected, report.Rejected.Length);
        Assert.True(report.Rejected.Length >= 50); // the repeated ids
        Assert.Equal(report.Input.Evaluated, report.Inspections[0].Cases);
        Assert.Equal(report.Inspections[0].Cases, report.Inspections.Skip(1).Sum(i => i.Cases));
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_same_cases_read_the_same_from_JSONL_and_CSV(string name)
    {
        var schema = CompiledFramework.Create(Compile(name)).Schema;
        var random = new Random(5);
        var cases = Enumerable.Range(0, 100).Select(i => RandomCase(random, schema, i)).ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "id", "inspection" }.Concat(schema.Fields.Select(f => "case." + f.Name)).Concat(schema.Answers.Select(a => a.Code))));
        foreach (var line in cases)
        {
            using var document = System.Text.Json.JsonDocument.Parse(line);
            var root = document.RootElement;
            var cells = new List<string> { root.GetProperty("id").GetString()!, root.GetProperty("inspection").GetString()! };
            foreach (var field in schema.Fields)
            {
                cells.Add(!root.GetProperty("case").TryGetProperty(field.Name, out var value) ? ""
                    : value.ValueKind == System.Text.Json.JsonValueKind.Array ? string.Join(";", value.EnumerateArray().Select(v => v.GetString()))
                    : value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()!
                    : value.GetRawText());
            }

            foreach (var answer in schema.Answers)
                cells.Add(root.GetProperty("answers").TryGetProperty(answer.Code, out var value) ? value.GetString()! : "");
            csv.AppendLine(string.Join(",", cells.Select(c => c.Contains(',') ? $"\"{c}\"" : c)));
        }

        static List<string> Describe(CaseReader reader)
        {
            var described = new List<string>();
            while (reader.MoveNext())
            {
                var record = reader.Current;
                // CSV cannot tell an empty set from no value (an empty cell is no value): show both as "-".
                var fields = record.Schema.Fields.Select(f => !record.HasValue(f.Slot) ? "-" : f.Kind switch
                {
                    CaseFieldKind.Number => record.GetNumber(f.Slot).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    CaseFieldKind.Boolean => record.GetBoolean(f.Slot).ToString(),
                    CaseFieldKind.Enum => record.GetOption(f.Slot).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => record.GetSetWords(f.Slot).ToArray().All(w => w == 0) ? "-" : string.Join("|", record.GetSetWords(f.Slot).ToArray()),
                });
                described.Add($"{record.Id} {record.Inspection} {string.Join(" ", fields)} {string.Join(" ", record.Answers.ToArray())} {string.Join(" ", record.Problems.Select(p => p.Id))}");
            }

            return described;
        }

        using var fromJson = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", cases))), CaseInputFormat.JsonLines, schema);
        using var fromCsv = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), CaseInputFormat.Csv, schema);
        var json = Describe(fromJson);
        Assert.Equal(100, json.Count);
        Assert.Equal(json, Describe(fromCsv));
    }

    [Fact]
    public void Items_routed_by_the_same_condition_share_one_routing_decision()
    {
        // probation-2021 routes the inspection-of-the-interview questions of several standards by `case.interviewed`.
        var framework = CompiledFramework.Create(Compile("probation-2021"));
        var interviewed = framework.Items
            .Where(i => i.Symbol.Condition?.Syntax?.ToString().Trim() == "case.interviewed")
            .ToList();
        Assert.True(interviewed.Count > 1);
        Assert.Single(interviewed.Select(i => i.Class).Distinct());
        Assert.True(framework.Routing.Classes.Length < framework.Items.Length);
    }

    private static SemanticModel Compile(string name)
    {
        var root = RepositoryRoot();
        var workspace = new RulesWorkspace(new PhysicalFileSystem());
        var compilation = workspace.CompileAll(Path.Combine(root, "rules", name)).First(c => !c.Model.IsLibrary);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics.Where(d => d.Severity == Rules.Core.Diagnostics.DiagnosticSeverity.Error)));
        return compilation.Model;
    }

    private static string RandomCase(Random random, ICaseSchema schema, int i)
    {
        var fields = new List<string>();
        foreach (var field in schema.Fields)
        {
            if (random.Next(5) == 0) continue;
            var value = field.Kind switch
            {
                CaseFieldKind.Number => random.Next(15, 90).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CaseFieldKind.Boolean => random.Next(2) == 0 ? "true" : "false",
                CaseFieldKind.Enum => $"\"{field.Options.Names[random.Next(field.Options.Count)]}\"",
                _ => "[" + string.Join(",", field.Options.Names.Where(_ => random.Next(3) == 0).Select(n => $"\"{n}\"")) + "]",
            };
            fields.Add($"\"{field.Name}\":{value}");
        }

        var answers = new List<string>();
        foreach (var answer in schema.Answers)
        {
            if (random.Next(6) == 0 || answer.Options.Count == 0) continue;
            answers.Add($"\"{answer.Code}\":\"{answer.Options.Names[random.Next(answer.Options.Count)]}\"");
        }

        return $"{{\"id\":\"C-{i}\",\"inspection\":\"i{i % 4}\",\"case\":{{{string.Join(",", fields)}}},\"answers\":{{{string.Join(",", answers)}}}}}";
    }

    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        var directory = Path.GetDirectoryName(source);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Rules.sln"))) directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
