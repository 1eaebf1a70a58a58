using System.Collections.Immutable;
using Rules.Core.Testing;
using Rules.Core.Workspace;

namespace Rules.Core.Tests.Semantics;

/// <summary>Additions found necessary while encoding the real frameworks (see docs/language.md).</summary>
public class LanguageAdditionsTests
{
    private const string Framework = """
        import "../lib/checks.rules"
        framework "F" {
          scale Rating
          overall {
            good       from 2
            inadequate from 0
          }
        }
        scale Rating {
          good       "Good"       score 2 from 65%
          inadequate "Inadequate" score 0 from 0%
        }
        answers YesNo {
          yes "Yes" positive
          no  "No"
        }
        domain 2 "D" {
          standard 2.1 "S" {
            rated by lowest key_question
            key_question 2.1.1 "Q" : YesNo
          }
        }

        """;

    private const string Library = """
        case {
          age "Age" : number
        }
        check "A person on probation is at least 10 years old" when case.age < 10
        signal "Age is unusually high" when case.age > 99
        check "Age cannot be negative" when case.age < -0.5

        """;

    private static FrameworkCompilation Compile(string tests)
    {
        var fs = new InMemoryFileSystem(ImmutableDictionary<string, string>.Empty
            .Add("/ws/rules.json", "{}")
            .Add("/ws/fw/framework.rules", Framework)
            .Add("/ws/fw/tests.rules", tests)
            .Add("/ws/lib/checks.rules", Library));
        var workspace = new RulesWorkspace(fs);
        return workspace.Compile(workspace.Discover("/ws/fw").Single());
    }

    [Fact]
    public void ChecksAndSignalsOfAnImportedLibraryApply()
    {
        var compilation = Compile("""
            test "too young" {
              case { age: 9 }
              answers { 2.1.1: yes }
              expect invalid
            }
            test "very old" {
              case { age: 100 }
              answers { 2.1.1: yes }
              expect valid
              expect signal "Age is unusually high"
            }
            """);
        Assert.Empty(compilation.Diagnostics);
        Assert.All(TestRunner.Run(compilation.Model), r => Assert.True(r.Passed, string.Join("\n", r.Failures)));
    }

    [Fact]
    public void NegativeNumbersAreNumbers()
    {
        var compilation = Compile("""
            test "negative age" {
              case { age: -1 }
              answers { 2.1.1: yes }
              expect invalid
            }
            """);
        Assert.Empty(compilation.Diagnostics);
        Assert.All(TestRunner.Run(compilation.Model), r => Assert.True(r.Passed, string.Join("\n", r.Failures)));
    }

    [Fact]
    public void QuotedValuesInTestsAreRawInputCheckedOnlyByEvaluation()
    {
        var compilation = Compile("""
            test "an answer outside its set is rejected" {
              case { age: 30 }
              answers { 2.1.1: "maybe" }
              expect invalid
            }
            test "an answer for an unknown code is rejected" {
              case { age: 30 }
              answers { 2.1.1: yes, "9.9.9": yes }
              expect invalid
            }
            test "a case value of the wrong type is rejected" {
              case { age: "thirty" }
              answers { 2.1.1: yes }
              expect invalid
            }
            """);
        Assert.Empty(compilation.Diagnostics);
        var results = TestRunner.Run(compilation.Model);
        Assert.Equal(3, results.Length);
        Assert.All(results, r => Assert.True(r.Passed, string.Join("\n", r.Failures)));
        Assert.Equal(["RL1003"], results[0].Evaluation.Problems.Select(p => p.Id));
        Assert.Equal(["RL1002"], results[1].Evaluation.Problems.Select(p => p.Id));
        Assert.Equal(["RL1003"], results[2].Evaluation.Problems.Select(p => p.Id));
    }

    [Fact]
    public void UnquotedUnknownOptionInATestIsStillAnError()
    {
        var compilation = Compile("""
            test "typo" {
              case { age: 30 }
              answers { 2.1.1: yse }
              expect valid
            }
            """);
        Assert.Contains(compilation.Diagnostics, d => d.Id == "RL0105" && d.Message.Contains("did you mean 'yes'"));
    }
}

public class AnsweredWithExpectationTests
{
    private const string Source = """
        framework "F" {
          scale Rating
          overall {
            good       from 2
            inadequate from 0
          }
        }
        scale Rating {
          good       "Good"       score 2 from 65%
          inadequate "Inadequate" score 0 from 0%
        }
        answers Risks {
          yes  "Yes" positive
          no   "No"
          none "There were no risks" not_applicable
        }
        domain 2 "D" {
          standard 2.1 "S" {
            rated by lowest key_question
            key_question 2.1.1 "Q" : Risks
          }
        }
        test "t" {
          answers { 2.1.1: none }
          expect 2.1.1 == none
          expect 2.1.1 == yes
        }

        """;

    [Fact]
    public void ExpectEqualsOptionPassesOnlyForThatOption()
    {
        var model = Rules.Core.Syntax.SyntaxTree.Parse(Source, "/ws/f.rules");
        Assert.Empty(model.Diagnostics);
        var fs = new InMemoryFileSystem(ImmutableDictionary<string, string>.Empty.Add("/ws/rules.json", "{}").Add("/ws/f.rules", Source));
        var workspace = new RulesWorkspace(fs);
        var compilation = workspace.Compile(workspace.Discover("/ws").Single());
        Assert.Empty(compilation.Diagnostics);
        var result = Assert.Single(TestRunner.Run(compilation.Model));
        var failure = Assert.Single(result.Failures);
        Assert.Contains("expected 2.1.1 to be answered 'yes', but it was answered 'none' (not applicable)", failure.Message);
    }

    [Fact]
    public void ExpectEqualsUnknownOptionIsRL0105()
    {
        var fs = new InMemoryFileSystem(ImmutableDictionary<string, string>.Empty.Add("/ws/rules.json", "{}")
            .Add("/ws/f.rules", Source.Replace("expect 2.1.1 == yes", "expect 2.1.1 == nnone")));
        var workspace = new RulesWorkspace(fs);
        var compilation = workspace.Compile(workspace.Discover("/ws").Single());
        Assert.Contains(compilation.Diagnostics, d => d.Id == "RL0105" && d.Message.Contains("did you mean 'none'"));
    }
}
