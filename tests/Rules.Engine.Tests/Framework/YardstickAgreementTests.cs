using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Rules.Benchmarks.Engine;
using Rules.Core.Workspace;
using Rules.Engine.Aggregation;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Framework;

/// <summary>
/// The benchmarks' yardstick (<see cref="HandWrittenEvaluator"/>, rules/probation-2021 written by
/// hand) computes what the compiled evaluator computes: the same items apply, the same problems
/// (id, severity, subject), the same rejections and the same counts per inspection, on the
/// committed sample cases and on random cases with missing, inapplicable and out-of-range values.
/// </summary>
public sealed class YardstickAgreementTests
{
    internal static readonly Lazy<CompiledFramework> Framework = new(() =>
    {
        var workspace = new RulesWorkspace(new PhysicalFileSystem());
        var compilation = workspace.CompileAll(Path.Combine(RepositoryRoot(), "rules", "probation-2021")).First(c => !c.Model.IsLibrary);
        Assert.False(compilation.HasErrors);
        return CompiledFramework.Create(compilation.Model);
    });

    [Fact]
    public void The_yardstick_agrees_with_the_compiled_evaluator_on_the_sample_cases()
    {
        var path = Path.Combine(RepositoryRoot(), "rules", "probation-2021", "samples", "cases.jsonl");
        using var reader = CaseReader.OpenFile(path, Framework.Value.Schema);
        var (compared, evaluated) = Compare(reader, allowMissing: _ => false);
        Assert.Equal(1500, compared);
        Assert.True(evaluated > 1400, $"only {evaluated} cases evaluated");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_yardstick_agrees_with_the_compiled_evaluator_on_random_cases(int seed)
    {
        var random = new Random(seed);
        var schema = Framework.Value.Schema;
        var text = string.Join("\n", Enumerable.Range(0, 2000).Select(i => RandomCase(random, schema, i)));
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), CaseInputFormat.JsonLines, schema);
        var (compared, evaluated) = Compare(reader, allowMissing: line => line % 3 == 0);
        Assert.Equal(2000, compared);
        Assert.True(evaluated > 100, $"only {evaluated} cases evaluated");
    }

    private static (int Compared, int Evaluated) Compare(CaseReader reader, Func<int, bool> allowMissing)
    {
        var framework = Framework.Value;
        var engine = new CaseEvaluator(framework, framework.Methods); // compiled methods, as a long run uses
        var yardstick = new HandWrittenEvaluator(framework.Schema);
        var engineTally = new InspectionTally(framework.Layout);
        var handTally = new HandWrittenTally(yardstick);
        int compared = 0, evaluated = 0;
        while (reader.MoveNext())
        {
            compared++;
            if (reader.Current.Problems.Any(p => p.Id == ProblemIds.Unreadable)) continue;
            var ours = reader.Current.Copy();
            var theirs = reader.Current.Copy();
            var allow = allowMissing(ours.Line);
            engine.Evaluate(ours, allow);
            yardstick.Evaluate(theirs, allow);
            for (var slot = 0; slot < framework.Schema.Answers.Length; slot++)
            {
                Assert.True(engine.Applies(framework.Schema.Questions[slot]) == yardstick.Applies(slot),
                    $"line {ours.Line}: {framework.Schema.Answers[slot].Code} applies: engine {!yardstick.Applies(slot)}, yardstick {yardstick.Applies(slot)}");
            }

            Assert.Equal(Describe(ours), Describe(theirs));
            Assert.Equal(ours.IsRejected, theirs.IsRejected);
            if (ours.IsRejected) continue;
            evaluated++;
            engine.Count(engineTally.For(ours.Inspection));
            yardstick.Count(theirs, handTally.For(theirs.Inspection));
        }

        var differences = TallyComparison.Differences(framework, engineTally, yardstick, handTally);
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(20)));
        return (compared, evaluated);
    }

    private static List<string> Describe(CaseRecord record) =>
        [.. record.Problems.Select(p => $"line {record.Line}: {p.Id} {p.Severity} {p.Subject}").Order(StringComparer.Ordinal)];

    /// <summary>A case with random fields (sometimes absent, sometimes at or past a bound) and random answers for random codes.</summary>
    internal static string RandomCase(Random random, ICaseSchema schema, int i)
    {
        double[] numbers = [-1, 0, 1, 6, 6.5, 7, 12, 13, 17, 18, 20, 21, 24, 25, 25.5, 26, 29, 30, 35, 36, 39, 40, 55, 56, 59, 60, 70, 71, 90];
        var fields = new List<string>();
        foreach (var field in schema.Fields)
        {
            if (random.Next(8) == 0) continue;
            var value = field.Kind switch
            {
                CaseFieldKind.Number => random.Next(10) == 0 ? "null" : numbers[random.Next(numbers.Length)].ToString(CultureInfo.InvariantCulture),
                CaseFieldKind.Boolean => random.Next(10) == 0 ? "null" : random.Next(2) == 0 ? "true" : "false",
                CaseFieldKind.Enum => $"\"{field.Options.Names[random.Next(field.Options.Count)]}\"",
                _ => "[" + string.Join(",", field.Options.Names.Where(_ => random.Next(3) == 0).Select(n => $"\"{n}\"")) + "]",
            };
            fields.Add($"\"{field.Name}\":{value}");
        }

        var answers = new List<string>();
        foreach (var answer in schema.Answers)
        {
            // Mostly answered (so that some cases are clean), sometimes left out or not an option.
            var draw = random.Next(40);
            if (draw == 0) continue;
            var option = draw == 1 ? "maybe" : answer.Options.Names[random.Next(answer.Options.Count)];
            answers.Add($"\"{answer.Code}\":\"{option}\"");
        }

        return $"{{\"id\":\"C-{i}\",\"inspection\":\"i{i % 3}\",\"case\":{{{string.Join(",", fields)}}},\"answers\":{{{string.Join(",", answers)}}}}}";
    }

    internal static string RepositoryRoot([CallerFilePath] string source = "")
    {
        var directory = Path.GetDirectoryName(source);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Rules.sln"))) directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
