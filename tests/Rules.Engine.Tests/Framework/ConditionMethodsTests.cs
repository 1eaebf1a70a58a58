using System.Text;
using Rules.Core.Evaluation;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Framework;

/// <summary>
/// The condition program compiled into methods (<see cref="ConditionMethods"/>: expression trees
/// compiled to IL) decides exactly what the program does when run: every routing class condition,
/// and every check and signal in words of 64 (here 150 of them: three words, the last part full),
/// checks owned by items that do not apply included, on random cases with any field or answer
/// missing and on hand-made edge cases; and the whole evaluator with compiled methods agrees with
/// Rules.Core's ReferenceInterpreter beyond 64 checks.
/// </summary>
public sealed class ConditionMethodsTests
{
    private static readonly string[] EdgeCases =
    [
        """{"id":"E-1"}""",
        """{"id":"E-2","case":{},"answers":{}}""",
        """{"id":"E-3","case":{"flag":true,"kind":"a","tags":["x","y","z"],"n":5},"answers":{"1.1.1":"yes","1.1.2":"yes","1.1.2.a":"yes","1.1.2.b":"yes","1.1.2.c":"yes"}}""",
        """{"id":"E-4","case":{"flag":false,"kind":"c","tags":[],"n":-1},"answers":{"1.1.1":"no","1.1.2":"no","1.1.2.a":"no","1.1.2.b":"no","1.1.2.c":"no"}}""",
        """{"id":"E-5","case":{"flag":true,"kind":"b","tags":["z"],"n":0},"answers":{"1.1.1":"na","1.1.2":"yes","1.1.2.a":"no","1.1.2.c":"yes"}}""",
        """{"id":"E-6","case":{"n":5.01},"answers":{"1.1.2.a":"yes","1.1.2.b":"yes"}}""",
        """{"id":"E-7","case":{"flag":true,"n":4.99},"answers":{"1.1.2":"no","1.1.2.a":"yes","1.1.2.b":"yes","1.1.2.c":"na"}}""",
    ];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Compiled_methods_decide_every_class_and_check_as_the_program_does(int seed)
    {
        var framework = CompiledFramework.Create(SpecExample.Compile(ConditionShapeTests.Source(copies: 3)));
        Assert.True(framework.Checks.Length > 128);
        Assert.Contains(framework.Checks, c => c.OwnerClass > 0);
        var compiled = framework.Methods;
        Assert.True(compiled.IsCompiled);
        var slotClass = framework.ItemOfAnswer.Select(item => framework.Routing.ItemClass[item]).ToArray();
        var checks = framework.Checks.Select(c => (c.OwnerClass, c.Condition)).ToList();
        var program = ConditionMethods.Create(framework.Program, framework.Routing.Classes, checks, slotClass, compile: false);
        Assert.False(program.IsCompiled);
        Assert.Equal(program.CheckWords.Length, compiled.CheckWords.Length);

        // Two scopes over the same record: one deciding with compiled methods, one with the program.
        var compiledScope = new EvaluationScope(framework, compiled);
        var programScope = new EvaluationScope(framework, program);
        var classesHeld = new int[framework.Routing.Classes.Length];
        var checksHeld = new int[checks.Count];
        var cases = 0;
        foreach (var record in Records(framework, seed))
        {
            compiledScope.Begin(record);
            compiledScope.Route();
            programScope.Begin(record);
            programScope.Route();
            Assert.Equal(programScope.AppliesWords, compiledScope.AppliesWords);
            for (var c = 0; c < framework.Routing.Classes.Length; c++)
            {
                var expected = programScope.ClassApplies(c);
                Assert.True(expected == compiledScope.ClassApplies(c), $"class {c}, case {record.Id} (line {record.Line})");
                Assert.Equal(program.ClassConditions[c](programScope), compiled.ClassConditions[c](compiledScope));
                if (expected) classesHeld[c]++;
            }

            for (var w = 0; w < compiled.CheckWords.Length; w++)
            {
                var expected = program.CheckWords[w](programScope);
                Assert.True(expected == compiled.CheckWords[w](compiledScope), $"checks {64 * w}–{64 * w + 63}, case {record.Id} (line {record.Line})");
                for (var i = 0; i < 64 && 64 * w + i < checks.Count; i++)
                {
                    if ((expected >> i & 1) != 0) checksHeld[64 * w + i]++;
                }
            }

            cases++;
        }

        Assert.Equal(1500 + EdgeCases.Length, cases);

        // The cases exercise every check (each holds on some and fails on others) and every class but class 0 (always).
        for (var i = 0; i < checks.Count; i++)
            Assert.True(checksHeld[i] > 0 && checksHeld[i] < cases, $"check {i} ({framework.Checks[i].Symbol.Message}) held on {checksHeld[i]} of {cases}");
        for (var c = 1; c < classesHeld.Length; c++)
            Assert.True(classesHeld[c] > 0 && classesHeld[c] < cases, $"class {c} applied on {classesHeld[c]} of {cases}");
    }

    [Fact]
    public void Beyond_64_checks_the_evaluator_agrees_with_the_reference_interpreter()
    {
        var model = SpecExample.Compile(ConditionShapeTests.Source(copies: 3));
        var framework = CompiledFramework.Create(model);
        var reference = new ReferenceInterpreter(model);
        var evaluator = new CaseEvaluator(framework, framework.Methods);
        var compared = 0;
        foreach (var record in Records(framework, seed: 13))
        {
            evaluator.Evaluate(record);
            var expected = reference.Evaluate(framework.Schema.ToAssessment(record), allowMissing: false);

            // The same problems in the same order: missing and unexpected answers by slot, then checks in framework order.
            var ours = record.Problems.Select(p => $"{p.Id} {p.Severity == ProblemSeverity.Rejection} {Tail(p.Message)}").ToList();
            var theirs = expected.Problems.Select(p => $"{p.Id} {p.IsRejection} {p.Message}").ToList();
            Assert.True(theirs.Order().SequenceEqual(ours.Order()), $"case {record.Id}\nexpected: {string.Join("; ", theirs)}\nactual: {string.Join("; ", ours)}");
            var checkOrder = framework.Checks.Select(c => c.Symbol.Message).ToList();
            var ourChecks = record.Problems.Where(p => p.Id is ProblemIds.CheckFailed or ProblemIds.Signal).Select(p => checkOrder.IndexOf(Tail(p.Message))).ToList();
            Assert.DoesNotContain(-1, ourChecks);
            Assert.Equal(ourChecks.Order(), ourChecks);
            Assert.Equal(expected.IsRejected, record.IsRejected);
            compared++;
        }

        Assert.Equal(1500 + EdgeCases.Length, compared);
    }

    [Fact]
    public async Task An_evaluator_takes_the_compiled_methods_when_ready_and_decides_the_same()
    {
        var framework = CompiledFramework.Create(SpecExample.Compile(ConditionShapeTests.Source()));
        var evaluator = new CaseEvaluator(framework);
        var compiled = new CaseEvaluator(framework, framework.Methods);
        await framework.MethodsCompiling.WaitAsync(TimeSpan.FromMinutes(1));
        var records = Records(framework, seed: 14).ToList();
        var before = evaluator.UsesCompiledMethods;
        foreach (var record in records)
        {
            var copy = record.Copy();
            evaluator.Evaluate(record);
            compiled.Evaluate(copy);
            Assert.Equal(copy.Problems.Select(p => p.Message), record.Problems.Select(p => p.Message));
            foreach (var question in framework.Model.Questions)
                Assert.Equal(compiled.Applies(question), evaluator.Applies(question));
        }

        // Ready before the first case or after at most 256 more: taken either way.
        Assert.True(evaluator.UsesCompiledMethods, $"still running the program after {records.Count} cases (compiled at the start: {before})");
    }

    /// <summary>1,500 random cases of the shapes framework, then the edge cases; each record a copy.</summary>
    private static IEnumerable<CaseRecord> Records(CompiledFramework framework, int seed)
    {
        var random = new Random(seed);
        var codes = framework.Schema.Answers.Select(a => a.Code).ToArray();
        var lines = Enumerable.Range(0, 1500).Select(i => ConditionShapeTests.RandomCase(random, i, codes)).Concat(EdgeCases);
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), CaseInputFormat.JsonLines, framework.Schema);
        while (reader.MoveNext())
        {
            Assert.DoesNotContain(reader.Current.Problems, p => p.Severity == ProblemSeverity.Rejection);
            yield return reader.Current.Copy();
        }
    }

    private static string Tail(string message) => message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
}
