using Rules.Core.Diagnostics;
using Rules.Core.Tests.Support;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>RL0101–RL0107: each triggered at an exact range, and a near miss that does not trigger.</summary>
public class DeclarationDiagnosticTests
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;

    private static string Standard(string keyQuestions, string extra = "") => Framework + $$"""
        domain 1 "D" {
          standard 1.1 "S" {
            summary "Sum"
            rated by lowest key_question
        {{keyQuestions}}
          }
        }
        {{extra}}
        """;

    [Fact]
    public void RL0101_DuplicatePromptLetter()
    {
        DiagnosticAssert.Reports("RL0101", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo {
              prompt a "A" : YesNo
              prompt [|a|] "Again" : YesNo
            }
        """));
    }

    [Fact]
    public void RL0101_DuplicateKeyQuestionCode()
    {
        var found = DiagnosticAssert.Reports("RL0101", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo
            key_question [|1.1.1|] "Q again" : YesNo
        """));
        // The first declaration is the related place editors link to.
        var related = found[0].Related!;
        Assert.Equal("The first declaration of key question '1.1.1'", related.Message);
        Assert.Equal(found[0].Location.LineSpan.Start.Line - 1, related.Location.LineSpan.Start.Line);
    }

    [Fact]
    public void RL0101_DuplicateOptionFieldAndLevel()
    {
        DiagnosticAssert.Reports("RL0101", Error, Standard("""
            key_question 1.1.1 "Q" : Twice
        """, """
        answers Twice {
          yes "Yes" positive
          [|yes|] "Yes again"
        }
        case {
          [|age|] "Age again" : number
        }
        """));
    }

    [Fact]
    public void RL0101_DuplicateAnswerSetAcrossFiles()
    {
        var marked = MarkedText.Parse("answers [|YesNo|] {\n  yes \"Yes\" positive\n}\n");
        var compilation = Compile(Standard("""
            key_question 1.1.1 "Q" : YesNo
        """), ("/ws/fw/more.rules", marked.Text));
        DiagnosticAssert.Reports("RL0101", Error, compilation.Diagnostics, "/ws/fw/more.rules", marked);
    }

    [Fact]
    public void RL0101_NearMiss_SameLetterInDifferentKeyQuestions()
    {
        DiagnosticAssert.DoesNotReport("RL0101", Standard("""
            key_question 1.1.1 "Q" : YesNo {
              prompt a "A" : YesNo
            }
            key_question 1.1.2 "R" : YesNo {
              prompt a "A" : YesNo
            }
        """));
    }

    [Fact]
    public void RL0102_UnknownReferenceInCondition()
    {
        var found = DiagnosticAssert.Reports("RL0102", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo {
              prompt a "A" : YesNo
              prompt b "B" : YesNo
                when [|1.1.1.c|] == yes
            }
        """));
        Assert.Equal("There is no prompt 1.1.1.c; key question 1.1.1 has prompts a and b.", found[0].Message);
        Assert.Null(found[0].Suggestion); // no near code of another key question
    }

    [Theory]
    [InlineData("1.1.1.a", "There is no prompt 1.1.1.a; key question 1.1.1 has no prompts.")]
    [InlineData("1.1.3", "There is no key question 1.1.3; standard 1.1 has key questions 1.1.1 and 1.1.2.")]
    public void RL0102_WhatTheKeyQuestionOrStandardHas(string code, string message)
    {
        var found = DiagnosticAssert.Reports("RL0102", Error, Standard($"""
            key_question 1.1.1 "Q" : YesNo
            key_question 1.1.2 "R" : YesNo
              when [|{code}|] == yes
        """));
        Assert.Equal(message, found[0].Message);
    }

    [Fact]
    public void RL0102_ElsewhereTheNearestCodeIsSuggested()
    {
        // Neither standard 1.2 nor key question 1.2.1 exists: a near code is the likeliest slip.
        var found = DiagnosticAssert.Reports("RL0102", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo {
              prompt a "A" : YesNo
            }
            key_question 1.1.2 "R" : YesNo
              when [|1.2.1.a|] == yes
        """));
        Assert.Equal("1.1.1.a", found[0].Suggestion);
    }

    [Fact]
    public void RL0102_UnknownReferenceInTest()
    {
        DiagnosticAssert.Reports("RL0102", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo
        """, """
        test "t" {
          answers { 1.1.1: yes }
          expect [|1.1.9|] applicable
        }
        """));
    }

    [Fact]
    public void RL0102_NearMiss_ExistingPrompt()
    {
        DiagnosticAssert.DoesNotReport("RL0102", Standard("""
            key_question 1.1.1 "Q" : YesNo {
              prompt a "A" : YesNo
              prompt b "B" : YesNo
                when 1.1.1.a == yes
            }
        """));
    }

    [Fact]
    public void RL0103_UnknownAnswerSetAndScale()
    {
        var text = Framework.Replace("  scale Rating\n", "  scale [|Ratings|]\n") + """
            domain 1 "D" {
              standard 1.1 "S" {
                summary "Sum"
                rated by lowest key_question
                key_question 1.1.1 "Q" : [|YesNoo|]
              }
            }
            """;
        var found = DiagnosticAssert.Reports("RL0103", Error, text);
        Assert.Contains(found, d => d.Suggestion == "YesNo");
        Assert.Contains(found, d => d.Suggestion == "Rating");
    }

    [Fact]
    public void RL0103_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0103", FrameworkWithStandard);
    }

    [Fact]
    public void RL0104_UnknownCaseField()
    {
        var found = DiagnosticAssert.Reports("RL0104", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo
              when case.[|harms|]
        """));
        Assert.Equal("harm", found[0].Suggestion);
    }

    [Fact]
    public void RL0104_UnknownFieldInTestAndBreakdown()
    {
        DiagnosticAssert.Reports("RL0104", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo
        """, """
        breakdown b "B" by case.[|kind|] {
          "All" : true
        }
        test "t" {
          case { [|colour|]: red }
          answers { 1.1.1: yes }
        }
        """));
    }

    [Fact]
    public void RL0104_NearMiss_FieldNamedLikeKeyword()
    {
        DiagnosticAssert.DoesNotReport("RL0104", Standard("""
            key_question 1.1.1 "Q" : YesNo
              when case.type == community
        """));
    }

    [Fact]
    public void RL0105_NotAnOptionOfTheAnswerSet()
    {
        var found = DiagnosticAssert.Reports("RL0105", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo {
              prompt a "A" : YesNo
              prompt b "B" : YesNo
                when 1.1.1.a == [|yess|]
            }
        """));
        Assert.Equal("yes", found[0].Suggestion);
    }

    [Fact]
    public void RL0105_NotAValueOfTheFieldOrALevelOfTheScale()
    {
        var text = Framework.Replace("    poor from 0\n", "    [|bad|] from 0\n") + """
            domain 1 "D" {
              standard 1.1 "S" {
                summary "Sum"
                rated by lowest key_question
                key_question 1.1.1 "Q" : YesNo
                  when case.type in {community, [|custodial|]}
              }
            }
            test "t" {
              case { type: [|prison|] }
              answers { 1.1.1: [|yep|] }
            }
            """;
        DiagnosticAssert.Reports("RL0105", Error, text);
    }

    [Fact]
    public void RL0105_NearMiss_OptionNamedNone()
    {
        DiagnosticAssert.DoesNotReport("RL0105", Standard("""
            key_question 1.1.1 "Q" : Risks {
              prompt a "A" : Risks
              prompt b "B" : YesNo
                when 1.1.1.a != none and none(1.1.1.* == none)
            }
        """, """
        answers Risks {
          yes  "Yes" positive
          none "None" not_applicable
        }
        """));
    }

    [Fact]
    public void RL0106_TypeMismatches()
    {
        var found = DiagnosticAssert.Reports("RL0106", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo
              when [|case.age|]
            key_question 1.1.2 "R" : YesNo
              when [|case.age > "old"|]
            key_question 1.1.3 "T" : YesNo
              when [|case.harm < 3|]
        """));
        // Messages quote the expression as written, without the line break or spaces after it.
        Assert.Equal("A 'when' condition must be true or false, but 'case.age' is a number.", found[0].Message);
        Assert.Equal("'>' compares numbers, but '\"old\"' is text.", found[1].Message);
        Assert.Equal("'<' compares numbers, but 'case.harm' is true or false.", found[2].Message);
    }

    [Fact]
    public void RL0106_AnOptionInQuotesIsReportedAtTheQuotesWithTheBareName()
    {
        var found = DiagnosticAssert.Reports("RL0106", Error, Standard("""
            key_question 1.1.1 "Q" : YesNo
              when case.type == [|"custody"|]
            key_question 1.1.2 "R" : YesNo
              when 1.1.1 != [|"yes"|]
            key_question 1.1.3 "T" : YesNo
              when [|case.type == "prison"|]
        """));
        Assert.Equal("Options are written without quotes: 'case.type == custody', not '\"custody\"'.", found[0].Message);
        Assert.Equal("custody", found[0].Suggestion);
        Assert.Equal("yes", found[1].Suggestion);
        // Near miss: quoted text that names no option gets the general message and no suggestion.
        Assert.StartsWith("'case.type' is a value of 'type' and cannot be compared with '\"prison\"'", found[2].Message);
        Assert.Null(found[2].Suggestion);
    }

    [Fact]
    public void RL0106_IsNotFollowedByAConditionWarning()
    {
        // A condition of the wrong type is one error, not also "can never apply".
        DiagnosticAssert.DoesNotReport("RL0202", Standard("""
            key_question 1.1.1 "Q" : YesNo
              when case.age
        """));
    }

    [Fact]
    public void RL0106_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0106", Standard("""
            key_question 1.1.1 "Q" : YesNo
              when case.age >= 18 and case.harm and rar in case.reqs and count(1.1.2.* is positive) > 0
            key_question 1.1.2 "R" : YesNo {
              prompt a "A" : YesNo
            }
        """));
    }

    [Fact]
    public void RL0107_KeyQuestionOutsideItsStandard()
    {
        DiagnosticAssert.Reports("RL0107", Error, Standard("""
            key_question [|2.3.1|] "Q" : YesNo
        """));
    }

    [Fact]
    public void RL0107_StandardOutsideItsDomain()
    {
        DiagnosticAssert.Reports("RL0107", Error, Framework + """
            domain 1 "D" {
              standard [|2.1|] "S" {
                summary "Sum"
                rated by inspector
              }
            }
            """);
    }

    [Fact]
    public void RL0107_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0107", FrameworkWithStandard);
    }
}
