using Rules.Core.Testing;
using Rules.Core.Tests.Support;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Testing;

public class TestRunnerTests
{
    private static readonly string Base = FrameworkWithStandard.Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo\n        when case.harm") + """
        signal "Harm without a yes"
          when case.harm and 1.1.1 != yes

        """;

    private static IReadOnlyList<TestResult> Run(string tests)
    {
        var compilation = Compile(Base + tests);
        DiagnosticAssert.Clean(compilation);
        return TestRunner.Run(compilation.Model);
    }

    [Fact]
    public void EveryExpectationKindPasses()
    {
        var results = Run("""
            test "all kinds" {
              case { harm: true }
              answers { 1.1.1: no, 1.1.1.a: yes, 1.1.1.b: no }
              expect 1.1.1.b applicable
              expect 1.1.1.a positive
              expect 1.1.1 negative
              expect signal "Harm without a yes"
              expect valid
            }
            test "not applicable and invalid" {
              case { harm: false }
              answers { 1.1.1: yes }
              expect 1.1.1.b not applicable
              expect invalid
            }

            """);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, string.Join("\n", r.Failures.Select(Format))));
    }

    [Fact]
    public void FailuresExplainWhatHappened()
    {
        var results = Run("""
            test "wrong" {
              case { harm: false }
              answers { 1.1.1: yes, 1.1.1.a: no }
              expect 1.1.1.b applicable
              expect 1.1.1.a positive
              expect 1.1.1.b negative
              expect signal "Harm without a yes"
              expect invalid
            }

            """);
        var failures = Assert.Single(results).Failures.Select(d => d.Message).ToList();
        Assert.Equal(5, failures.Count);
        Assert.Contains("the condition of prompt 1.1.1.b, 'case.harm', does not hold", failures[0]);
        Assert.Contains("it was answered 'no' (negative)", failures[1]);
        Assert.Contains("1.1.1.b does not apply", failures[2]);
        Assert.Contains("no signal was raised", failures[3]);
        Assert.Contains("it was valid", failures[4]);
        Assert.All(failures, m => Assert.StartsWith("Test \"wrong\": expected", m));
    }

    [Fact]
    public void ExpectValidReportsTheRejections()
    {
        var result = Assert.Single(Run("""
            test "missing" {
              case { harm: true }
              answers { 1.1.1: yes }
              expect valid
            }

            """));
        var failure = Assert.Single(result.Failures);
        Assert.Contains("RL1004", failure.Message);
        Assert.Contains("1.1.1.a", failure.Message);
    }

    [Fact]
    public void ResultsComeInDeclarationOrderWithTheirEvaluation()
    {
        var results = Run("""
            test "one" {
              case { harm: false }
              answers { 1.1.1: yes, 1.1.1.a: yes }
              expect valid
            }
            test "two" {
              case { harm: false }
              answers { 1.1.1: yes, 1.1.1.a: yes }
              expect invalid
            }

            """);
        Assert.Equal(["one", "two"], results.Select(r => r.Test.Name));
        Assert.True(results[0].Passed);
        Assert.False(results[1].Passed);
        Assert.False(results[0].Evaluation.IsRejected);
    }
}
