using System.Text;
using Rules.Core.Evaluation;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Framework;

/// <summary>
/// The compiled evaluator against Rules.Core's ReferenceInterpreter on random cases of the spec
/// example: same applicability, same problems (id and code), with and without --allow-missing.
/// </summary>
public sealed class DifferentialEvaluationTests
{
    private static readonly string[] Codes = ["2.4.1", "2.4.1.a", "2.4.1.b", "2.4.1.c", "2.4.1.d", "2.4.2", "2.4.3", "2.4.3.a"];

    [Theory]
    [InlineData(1, false, true)]
    [InlineData(2, true, true)]
    [InlineData(3, false, true)]
    [InlineData(4, true, false)]
    public void The_compiled_evaluator_agrees_with_the_reference_interpreter(int seed, bool allowMissing, bool compiledMethods)
    {
        // compiledMethods: conditions by compiled methods (as once they are ready), else by running the program (as before).
        var framework = CompiledFramework.Create(SpecExample.Model);
        var reference = new ReferenceInterpreter(SpecExample.Model);
        var evaluator = new CaseEvaluator(framework, compiledMethods ? framework.Methods : framework.ProgramMethods);
        Assert.Equal(compiledMethods, evaluator.UsesCompiledMethods);
        var random = new Random(seed);
        var lines = Enumerable.Range(0, 600).Select(i => RandomCase(random, i)).ToList();
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), CaseInputFormat.JsonLines, framework.Schema);
        var compared = 0;
        while (reader.MoveNext())
        {
            var record = reader.Current;
            Assert.DoesNotContain(record.Problems, p => p.Severity == ProblemSeverity.Rejection);
            evaluator.Evaluate(record, allowMissing);
            var expected = reference.Evaluate(framework.Schema.ToAssessment(record), allowMissing);

            foreach (var question in SpecExample.Model.Questions)
                Assert.Equal(expected.AppliesTo(question), evaluator.Applies(question));
            foreach (var standard in SpecExample.Model.Standards)
                Assert.Equal(expected.AppliesTo(standard), evaluator.Applies(standard));

            // Checks and signals: the engine also names the item that owns them; the reference does not.
            static string? Subject(string id, string? code) => id is ProblemIds.CheckFailed or ProblemIds.Signal ? null : code;
            var ours = record.Problems.Select(p => $"{p.Id} {p.Severity == ProblemSeverity.Rejection} {Subject(p.Id, p.Subject)} {Tail(p.Message)}").Order().ToList();
            var theirs = expected.Problems.Select(p => $"{p.Id} {p.IsRejection} {Subject(p.Id, p.Code)} {p.Message}").Order().ToList();
            Assert.Equal(theirs, ours);
            Assert.Equal(expected.IsRejected, record.IsRejected);
            compared++;
        }

        Assert.Equal(600, compared);
    }

    private static string RandomCase(Random random, int i)
    {
        var fields = new List<string>();
        if (random.Next(4) > 0) fields.Add($"\"type\":\"{Pick(random, "community", "post_release")}\"");
        if (random.Next(4) > 0) fields.Add($"\"rosh\":\"{Pick(random, "low", "medium", "high", "very_high")}\"");
        if (random.Next(4) > 0) fields.Add($"\"age\":{random.Next(16, 80)}");
        if (random.Next(4) > 0) fields.Add($"\"harm_indicators\":{(random.Next(2) == 0 ? "true" : "false")}");
        if (random.Next(4) > 0) fields.Add($"\"requirements\":[{string.Join(",", new[] { "unpaid_work", "rar", "accredited_programme" }.Where(_ => random.Next(2) == 0).Select(r => $"\"{r}\""))}]");
        var answers = new List<string>();
        foreach (var code in Codes)
        {
            if (random.Next(5) == 0) continue;
            var option = code switch
            {
                "2.4.1.a" => Pick(random, "yes", "should", "noncompliance"),
                "2.4.1.c" => Pick(random, "yes", "should", "none"),
                _ => Pick(random, "yes", "no"),
            };
            answers.Add($"\"{code}\":\"{option}\"");
        }

        return $"{{\"id\":\"C-{i}\",\"case\":{{{string.Join(",", fields)}}},\"answers\":{{{string.Join(",", answers)}}}}}";
    }

    /// <summary>The message without the "Case X on line N: " prefix the engine puts before it.</summary>
    private static string Tail(string message) => message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..];

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
