using Rules.Core.Diagnostics;
using Rules.Core.Testing;
using Rules.Core.Tests.Support;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>RL0301–RL0304 (ratings and breakdowns), RL0401–RL0403 (style) and RL0501 (tests).</summary>
public class RatingAndStyleDiagnosticTests
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    private static string WithScale(string levels) => FrameworkWithStandard.Replace("""
        scale Rating {
          good "Good" score 1 from 50%
          poor "Poor" score 0 from 0%
        }
        """, "scale Rating {\n" + levels + "}\n");

    [Theory]
    [InlineData("  good \"Good\" score 1 from 50%\n  [|poor|] \"Poor\" score 0 from 10%\n")]
    [InlineData("  good \"Good\" score 2 from 50%\n  [|poor|] \"Poor\" score 1 from 60%\n  bad \"Bad\" score 0 from 0%\n")]
    [InlineData("  [|good|] \"Good\" score 1 from 150%\n  poor \"Poor\" score 0 from 0%\n")]
    public void RL0301_ScaleLevelBounds(string levels)
    {
        var marked = MarkedText.Parse(WithScale(levels));
        DiagnosticAssert.Reports("RL0301", Error, Compile(marked.Text).Diagnostics, MainPath, marked);
    }

    [Fact]
    public void RL0301_ScoresNotDescending()
    {
        var marked = MarkedText.Parse(WithScale("  good \"Good\" score 1 from 50%\n  [|poor|] \"Poor\" score 1 from 0%\n"));
        var found = DiagnosticAssert.Reports("RL0301", Error, Compile(marked.Text).Diagnostics, MainPath, marked);
        Assert.Contains("scores 1, which is not below 'good' (1)", found[0].Message);
        // The level above is the related place editors link to.
        Assert.Equal(("Level 'good', scoring 1", marked.Text.IndexOf("good \"Good\"", StringComparison.Ordinal)),
            (found[0].Related!.Message, found[0].Related!.Location.Span.Start));
    }

    [Fact]
    public void RL0301_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0301", FrameworkWithStandard);
    }

    [Theory]
    [InlineData("    good from 1\n    [|[|poor from 1|]|]\n")] // not below 'good', and the last is not 0
    [InlineData("    [|good from 5|]\n    poor from 0\n")] // one rated standard of score 0-1: 5 is out of reach
    public void RL0302_OverallBands(string bands)
    {
        var marked = MarkedText.Parse(FrameworkWithStandard.Replace("    good from 1\n    poor from 0\n", bands));
        DiagnosticAssert.Reports("RL0302", Error, Compile(marked.Text).Diagnostics, MainPath, marked);
    }

    [Fact]
    public void RL0302_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0302", FrameworkWithStandard);
    }

    [Fact]
    public void RL0303_NoRatingRuleAndLowestWithoutKeyQuestions()
    {
        DiagnosticAssert.Reports("RL0303", Error, FrameworkWithStandard + """
            domain 2 "E" {
              standard [|2.1|] "No rule" {
                summary "Sum"
                key_question 2.1.1 "Q" : YesNo
              }
              standard [|2.2|] "Nothing to rate" {
                summary "Sum"
                rated by lowest key_question
              }
              standard 2.3 "Inspector" {
                summary "Sum"
                rated by inspector
              }
            }

            """);
    }

    [Fact]
    public void RL0303_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0303", FrameworkWithStandard);
    }

    [Fact]
    public void RL0304_BreakdownGroupsOverlapOrDoNotFit()
    {
        DiagnosticAssert.Reports("RL0304", Error, FrameworkWithStandard + """
            breakdown ages "Ages" by case.age {
              "Young" : 18 to 30
              [|"Older" : 30 to 50|]
            }
            breakdown kinds "Kinds" by case.type {
              "Community" : community
              [|"Both"      : custody, community|]
            }
            breakdown harm "Harm" by case.harm {
              "Yes" : [|18 to 20|]
            }

            """);
    }

    [Fact]
    public void RL0304_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0304", FrameworkWithStandard + """
            breakdown ages "Ages" by case.age {
              "Young" : 18 to 29.5
              "Older" : from 30
            }
            breakdown harm "Harm" by case.harm {
              "Yes" : true
              "No"  : false
            }

            """);
    }

    [Fact]
    public void RL0401_UnusedAnswerSetAndScale()
    {
        DiagnosticAssert.Reports("RL0401", Warning, FrameworkWithStandard + """
            answers [|Spare|] {
              yes "Yes" positive
            }
            scale [|Other|] {
              top "Top" score 1 from 50%
              bottom "Bottom" score 0 from 0%
            }

            """);
    }

    [Fact]
    public void RL0401_NearMiss_LibraryDeclarationsAreForImport()
    {
        var all = AllDiagnostics(CompileAll(("/ws/lib/lib.rules", "answers Spare {\n  yes \"Yes\" positive\n}\n")));
        DiagnosticAssert.DoesNotReport("RL0401", all);
    }

    [Fact]
    public void RL0402_EmptyText()
    {
        DiagnosticAssert.Reports("RL0402", Warning, Framework + """
            domain 1 "D" {
              standard 1.1 "S" {
                summary [|""|]
                rated by lowest key_question
                key_question 1.1.1 [|"  "|] : YesNo
              }
            }

            """);
    }

    [Fact]
    public void RL0402_EveryPlaceATextIsWritten()
    {
        // Texts nested at every depth, in every kind of declaration that has one.
        var marked = Framework
            .Replace("framework \"F\"", "framework [|\"\"|]")
            .Replace("good \"Good\"", "good [|\" \"|]")
            .Replace("yes \"Yes\" positive", "yes [|\"\"|] positive")
            .Replace("no  \"No\"", "no  [|\"\\t\"|]")
            .Replace("age   \"Age\"", "age   [|\"\"|]") + """"
            domain 1 [|""|] {
              standard 1.1 [|""|] {
                summary [|""|]
                guidance [|"""
                  """|]
                rated by lowest key_question
                key_question 1.1.1 [|""|] : YesNo {
                  prompt a [|""|] : YesNo
                  check [|""|] when 1.1.1.a == yes
                }
                signal [|""|] when 1.1.1 == no
              }
            }

            breakdown age_group [|""|] by case.age {
              [|""|] : 18 to 25
              "26+" : from 26
            }

            test [|""|] {
              case { age: 30 }
              answers { 1.1.1: yes }
              expect 1.1.1 applicable
            }

            """";
        Assert.Equal(16, MarkedText.Parse(marked).Spans.Count()); // every replacement above took
        DiagnosticAssert.Reports("RL0402", Warning, marked);
        // The file is otherwise sound, so nothing else hides or explains a report.
        Assert.DoesNotContain(Compile(MarkedText.Parse(marked).Text).Diagnostics, d => d.Severity == Error);
    }

    [Theory]
    [InlineData("\"Sum\"", false)]
    [InlineData("\"\"", true)]
    [InlineData("\"  \"", true)]
    [InlineData("\"Say \\\"no\\\"\"", true)] // an escape: only the value can tell
    [InlineData("\"\"\"\n      \"\"\"", true)]
    [InlineData("\"\"\"\n      Words\n      \"\"\"", false)]
    public void RL0402_TheLexerTellsWhetherAFileMayHaveATextWithoutWords(string summary, bool may)
    {
        var tree = Syntax.SyntaxTree.Parse(FrameworkWithStandard.Replace("summary \"Sum\"", "summary " + summary));
        Assert.Equal(may, tree.MayHaveTextWithoutWords);
    }

    [Fact]
    public void RL0402_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0402", FrameworkWithStandard);
    }

    [Fact]
    public void RL0403_PromptLettersAndKeyQuestionNumbers()
    {
        DiagnosticAssert.Reports("RL0403", Warning, Framework + """
            domain 1 "D" {
              standard 1.1 "S" {
                summary "Sum"
                rated by lowest key_question
                key_question 1.1.2 "Q" : YesNo {
                  prompt a "A" : YesNo
                  prompt b "B" : YesNo
                  prompt [|d|] "D" : YesNo
                }
                key_question [|1.1.1|] "R" : YesNo
              }
            }

            """);
    }

    [Fact]
    public void RL0403_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0403", FrameworkWithStandard);
    }

    [Fact]
    public void RL0501_FailedExpectationsViaTestRunner()
    {
        var marked = MarkedText.Parse(FrameworkWithStandard + """
            test "expectations" {
              case { age: 20 }
              answers { 1.1.1: no, 1.1.1.a: yes, 1.1.1.b: no }
              expect 1.1.1.a applicable
              [|expect 1.1.1 positive|]
              expect 1.1.1 negative
              [|expect invalid|]
              [|expect signal "nothing"|]
              [|expect 1.1.1.b not applicable|]
            }

            """);
        var compilation = Compile(marked.Text);
        DiagnosticAssert.Clean(compilation);
        var result = Assert.Single(TestRunner.Run(compilation.Model));
        DiagnosticAssert.Reports("RL0501", Error, result.Failures, MainPath, marked);
        Assert.False(result.Passed);
    }

    [Fact]
    public void RL0501_NearMiss_AllExpectationsHold()
    {
        var compilation = Compile(FrameworkWithStandard + """
            test "passes" {
              case { age: 20, harm: true, type: custody, reqs: {rar} }
              answers { 1.1.1: yes, 1.1.1.a: yes, 1.1.1.b: no }
              expect 1.1.1 positive
              expect 1.1.1.b negative
              expect valid
            }

            """);
        DiagnosticAssert.Clean(compilation);
        Assert.All(TestRunner.Run(compilation.Model), r => Assert.Empty(r.Failures));
    }

    [Fact]
    public void AKeywordWrittenWithASlipIsTakenAsTheKeywordSoTheLevelKeepsItsShape()
    {
        var text = WithScale("  good \"Good\" [|scor|] 1 [|fro|] 50%\n  poor \"Poor\" score 0 from 0[||]\n");
        var found = DiagnosticAssert.Reports("RL0001", Error, text);
        Assert.Equal("Expected 'score' but found 'scor'. Did you mean 'score'?", found[0].Message);
        Assert.Equal("from", found[1].Suggestion);
        Assert.Equal("Expected '%' but found the end of the line.", found[2].Message);
        // No level is made up from the slip ('scor' is not a level): the scale checks find nothing else.
        DiagnosticAssert.DoesNotReport("RL0301", MarkedText.Parse(text).Text);
    }

    [Fact]
    public void NearMiss_AWordFarFromTheKeywordIsNotTakenForIt()
    {
        // 'lowest' is not a slip of 'by' (which was left out): it is reported as found, with nothing to suggest.
        var found = DiagnosticAssert.Reports("RL0001", Error, FrameworkWithStandard.Replace("rated by lowest key_question", "rated [|lowest|] key_question"));
        Assert.Equal("Expected 'by' but found 'lowest'.", found[0].Message);
        Assert.Null(found[0].Suggestion);
    }
}
