using System.Text;
using Rules.Core.Evaluation;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Framework;

/// <summary>
/// Every shape of condition the compiled program tests directly (and some it leaves to the
/// Value-based fallback), against Rules.Core's ReferenceInterpreter on random cases where any
/// field or answer may be missing: the same items apply and the same signals and checks hold.
/// Covers "no value" (a missing field or answer, an item that does not apply): == and in false,
/// != true, comparisons and is false; routing that reads answers of routed items; conditions
/// written the same on several items (one routing class).
/// </summary>
public sealed class ConditionShapeTests
{
    internal static readonly string[] Conditions =
    [
        "case.flag", "not case.flag", "case.flag == true", "case.flag != true", "case.flag == false", "case.flag != false",
        "case.kind == a", "case.kind != a", "case.kind in {a, c}", "not (case.kind in {b})",
        "x in case.tags", "not (y in case.tags)", "case.tags == {x}", "case.tags != {x, y}", "case.tags == {x, y, z}",
        "case.n < 5", "case.n <= 5", "case.n > 5", "case.n >= 5", "case.n == 5", "case.n != 5", "5 > case.n", "5 <= case.n", "2.5 < case.n",
        "1.1.1 == yes", "1.1.1 != yes", "1.1.1 in {yes, na}", "1.1.1 is positive", "1.1.1 is negative", "1.1.1 is not_applicable", "1.1.1 is answered",
        "not (1.1.1 is answered)", "1.1.2.a == no", "1.1.2.a != no", "1.1.2.b is positive", "1.1.2.c in {yes}",
        "any(1.1.2.* is positive)", "all(1.1.2.* is positive)", "none(1.1.2.* is positive)", "any(1.1.2.* == no)", "all(1.1.2.* is not_applicable)",
        "count(1.1.2.* is positive) >= 2", "count(1.1.2.* == yes) == 1",
        "case.flag and 1.1.1 == yes", "case.flag or case.n > 3", "not (case.flag or 1.1.2.a == yes) and case.kind != b",
        "(case.kind == a or x in case.tags) and not (case.n < 0 or 1.1.2.c != yes)",
        "1.1.1 == yes and none(1.1.2.* is positive)", "1.1.1 == no and all(1.1.2.* is positive)",
    ];

    /// <summary>The shapes framework; with <paramref name="copies"/> above 1, every signal again (messages "shape i copy c") for more than 64 checks.</summary>
    internal static string Source(int copies = 1)
    {
        var source = new StringBuilder("""
            framework "Shapes" {
              version "1"
              scale Rating
              overall {
                good from 1
                poor from 0
              }
            }

            scale Rating {
              good "Good" score 1 from 50%
              poor "Poor" score 0 from 0%
            }

            case {
              flag "Flag" : boolean
              kind "Kind" : a | b | c
              tags "Tags" : set of x | y | z
              n    "Number" : number
            }

            answers YesNo {
              yes "Yes" positive
              no  "No"
              na  "Not applicable" not_applicable
            }

            domain 1 "Domain" {
              standard 1.1 "Standard" {
                summary "Summary"
                rated by lowest key_question
                key_question 1.1.1 "First" : YesNo
                key_question 1.1.2 "Second" : YesNo
                  when case.flag or case.n > 0
                {
                  prompt a "A" : YesNo
                  prompt b "B" : YesNo
                    when 1.1.2.a != no
                  prompt c "C" : YesNo
                    when case.kind in {a, b}
                  prompt d "D" : YesNo
                    when LATER == yes
                  signal "owned: 1.1.2 yes with a no" when 1.1.2 == yes and 1.1.2.a == no
                  signal "owned: kind c" when case.kind == c
                  check "owned: c answered yes without x or y" when 1.1.2.c == yes and not (x in case.tags or y in case.tags)
                }

            """.Replace("LATER", $"1.1.{Conditions.Length + 3}", StringComparison.Ordinal));
        // One key question per condition, and a signal per condition (top level: always evaluated).
        for (var i = 0; i < Conditions.Length; i++)
        {
            source.AppendLine($"    key_question 1.1.{i + 3} \"Shape {i}\" : YesNo");
            source.AppendLine($"      when {Conditions[i]}");
        }

        // Conditions written the same on several items, and routing on a routed item's answer.
        source.AppendLine($"    key_question 1.1.{Conditions.Length + 3} \"Shared\" : YesNo");
        source.AppendLine("      when case.flag and 1.1.2.b == yes");
        source.AppendLine($"    key_question 1.1.{Conditions.Length + 4} \"Shared again\" : YesNo");
        source.AppendLine("      when case.flag and 1.1.2.b == yes");
        source.AppendLine("  }");
        source.AppendLine("}");
        for (var i = 0; i < Conditions.Length; i++)
        {
            source.AppendLine($"signal \"shape {i}\" when {Conditions[i]}");
        }

        for (var copy = 1; copy < copies; copy++)
        {
            for (var i = 0; i < Conditions.Length; i++)
                source.AppendLine($"signal \"shape {i} copy {copy}\" when {Conditions[i]}");
        }

        source.AppendLine("check \"kind c has no tags\" when case.kind == c and (x in case.tags or y in case.tags or z in case.tags)");
        return source.ToString();
    }

    [Theory]
    [InlineData(1, false, true)]
    [InlineData(2, true, true)]
    [InlineData(3, false, true)]
    [InlineData(4, false, false)]
    public void The_program_agrees_with_the_reference_interpreter_on_every_shape(int seed, bool allowMissing, bool compiledMethods)
    {
        var model = SpecExample.Compile(Source());
        var framework = CompiledFramework.Create(model);
        Assert.True(framework.Routing.Shared);
        Assert.True(framework.Routing.Classes.Length < framework.Items.Length);
        var reference = new ReferenceInterpreter(model);
        var evaluator = new CaseEvaluator(framework, compiledMethods ? framework.Methods : framework.ProgramMethods);
        Assert.Equal(compiledMethods, evaluator.UsesCompiledMethods);
        var random = new Random(seed);
        var codes = framework.Schema.Answers.Select(a => a.Code).ToArray();
        var lines = Enumerable.Range(0, 1500).Select(i => RandomCase(random, i, codes)).ToList();
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), CaseInputFormat.JsonLines, framework.Schema);
        var compared = 0;
        var held = new int[Conditions.Length];
        while (reader.MoveNext())
        {
            var record = reader.Current;
            Assert.DoesNotContain(record.Problems, p => p.Severity == ProblemSeverity.Rejection);
            evaluator.Evaluate(record, allowMissing);
            var expected = reference.Evaluate(framework.Schema.ToAssessment(record), allowMissing);

            foreach (var question in model.Questions)
                Assert.True(expected.AppliesTo(question) == evaluator.Applies(question), $"{question.Code} on line {record.Line}: {lines[record.Line - 1]}");
            foreach (var standard in model.Standards)
                Assert.Equal(expected.AppliesTo(standard), evaluator.Applies(standard));

            static string? Subject(string id, string? code) => id is ProblemIds.CheckFailed or ProblemIds.Signal ? null : code;
            var ours = record.Problems.Select(p => $"{p.Id} {p.Severity == ProblemSeverity.Rejection} {Subject(p.Id, p.Subject)} {Tail(p.Message)}").Order().ToList();
            var theirs = expected.Problems.Select(p => $"{p.Id} {p.IsRejection} {Subject(p.Id, p.Code)} {p.Message}").Order().ToList();
            Assert.True(theirs.SequenceEqual(ours), $"line {record.Line}: {lines[record.Line - 1]}\nexpected: {string.Join("; ", theirs)}\nactual: {string.Join("; ", ours)}");
            Assert.Equal(expected.IsRejected, record.IsRejected);
            for (var i = 0; i < Conditions.Length; i++)
            {
                if (record.Problems.Any(p => p.Message.EndsWith($"shape {i}", StringComparison.Ordinal))) held[i]++;
            }

            compared++;
        }

        Assert.Equal(1500, compared);

        // Every shape both held and failed on some cases (the random cases exercise it).
        for (var i = 0; i < Conditions.Length; i++)
        {
            Assert.True(held[i] > 0 && held[i] < compared, $"'{Conditions[i]}' held on {held[i]} of {compared} cases");
        }
    }

    [Fact]
    public void Directly_tested_shapes_use_no_fallback()
    {
        var framework = CompiledFramework.Create(SpecExample.Compile(Source()));
        var code = framework.Program.Code.ToArray();
        Assert.NotEmpty(code);

        // Only count(...) comparisons are left to the Value-based compiler.
        Assert.Equal(2, code.Count(t => t.Op == ConditionOp.Fallback) / 2);
        foreach (var op in Enum.GetValues<ConditionOp>())
            Assert.Contains(code, t => t.Op == op);
    }

    internal static string RandomCase(Random random, int i, string[] codes)
    {
        var fields = new List<string>();
        if (random.Next(4) > 0) fields.Add($"\"flag\":{(random.Next(2) == 0 ? "true" : "false")}");
        if (random.Next(4) > 0) fields.Add($"\"kind\":\"{Pick(random, "a", "b", "c")}\"");
        if (random.Next(4) > 0) fields.Add($"\"tags\":[{string.Join(",", new[] { "x", "y", "z" }.Where(_ => random.Next(2) == 0).Select(r => $"\"{r}\""))}]");
        if (random.Next(4) > 0) fields.Add($"\"n\":{Pick(random, "-1", "0", "2.5", "3", "4.99", "5", "5.01", "6", "100")}");
        var answers = new List<string>();
        foreach (var code in codes)
        {
            if (random.Next(4) == 0) continue;
            answers.Add($"\"{code}\":\"{Pick(random, "yes", "no", "na")}\"");
        }

        return $"{{\"id\":\"C-{i}\",\"case\":{{{string.Join(",", fields)}}},\"answers\":{{{string.Join(",", answers)}}}}}";
    }

    private static string Tail(string message) => message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..];

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
