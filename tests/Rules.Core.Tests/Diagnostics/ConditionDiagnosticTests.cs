using Rules.Core.Diagnostics;
using Rules.Core.Tests.Support;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>RL0201 (circular routing), RL0202 (never holds), RL0203 (always holds), RL0204 (no positive option).</summary>
public class ConditionDiagnosticTests
{
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;

    /// <summary>Key question 1.1.1 with prompts a (YesNo), b (Risks: yes, should, none n/a) and c whose condition is given.</summary>
    private static string PromptWhen(string condition, string standardWhen = "", string keyQuestionWhen = "") => Framework + $$"""
        answers Risks {
          yes    "Yes" positive
          should "Should"
          none   "None" not_applicable
        }

        domain 1 "D" {
          standard 1.1 "S"{{(standardWhen.Length > 0 ? "\n    when " + standardWhen : "")}} {
            summary "Sum"
            rated by lowest key_question
            key_question 1.1.1 "Q" : YesNo{{(keyQuestionWhen.Length > 0 ? "\n      when " + keyQuestionWhen + "\n    " : " ")}}{
              prompt a "A" : YesNo
              prompt b "B" : Risks
              prompt c "C" : YesNo
                when {{condition}}
            }
          }
        }

        """;

    [Theory]
    [InlineData("[|false|]")]
    [InlineData("[|case.type == community and case.type == custody|]")]
    [InlineData("[|case.type in {}|]")]
    [InlineData("[|case.age > 5 and case.age < 3|]")]
    [InlineData("[|case.age >= 18 and case.age <= 17.5|]")]
    [InlineData("[|1.1.1.a == yes and 1.1.1.a == no|]")]
    [InlineData("[|1.1.1.b is positive and 1.1.1.b == none|]")]
    [InlineData("[|1.1.1.b is answered and not (1.1.1.b in {yes, should, none})|]")]
    [InlineData("[|rar in case.reqs and not (rar in case.reqs)|]")]
    [InlineData("[|case.reqs == {rar} and unpaid_work in case.reqs|]")]
    [InlineData("[|case.harm and not case.harm|]")]
    [InlineData("[|count(1.1.1.* is positive) > 3|]")]
    [InlineData("[|all(1.1.1.* is positive) and any(1.1.1.* is negative)|]")]
    // Independent parts are searched apart: the contradiction is found however many other questions and fields there are.
    [InlineData("[|case.harm and 1.1.1.a == yes and case.type == custody and case.age > 3 and not case.harm|]")]
    [InlineData("[|not (1.1.1.a == no or 1.1.1.a != no)|]")] // not (x or y) is not x and not y
    [InlineData("[|not (not (case.age > 5)) and case.age < 2 and rar in case.reqs|]")]
    public void RL0202_ConditionCanNeverHold(string condition)
    {
        var marked = MarkedText.Parse(PromptWhen(condition));
        var found = DiagnosticAssert.Reports("RL0202", Warning, Compile(marked.Text).Diagnostics, MainPath, marked);
        Assert.Contains("1.1.1.c", found[0].Message);
    }

    [Theory]
    [InlineData("case.type == custody", "case.type == community", "")]
    [InlineData("case.age < 3", "", "case.age > 5")]
    [InlineData("not case.harm", "case.harm", "")]
    [InlineData("1.1.1.a == no", "", "1.1.1.a == yes")]
    public void RL0202_ChildContradictsAnEnclosingCondition(string child, string standard, string keyQuestion)
    {
        var text = PromptWhen(child, standard, keyQuestion);
        var start = text.IndexOf("when " + child, StringComparison.Ordinal) + 5;
        var marked = new MarkedText(text, [new Text.TextSpan(start, child.Length)]);
        var found = DiagnosticAssert.Reports("RL0202", Warning, Compile(text).Diagnostics, MainPath, marked);
        Assert.Contains("contradicts", found[0].Message);
        // The enclosing condition is the related place editors link to.
        var enclosing = standard.Length > 0 ? standard : keyQuestion;
        var related = found[0].Related!;
        Assert.Equal(text.IndexOf("when " + enclosing, StringComparison.Ordinal) + 5, related.Location.Span.Start);
        Assert.StartsWith("The condition of ", related.Message);
    }

    [Theory]
    [InlineData("case.type == community or case.type == custody")]
    [InlineData("case.age > 5 and case.age < 6")]
    [InlineData("1.1.1.b == none")]
    [InlineData("1.1.1.a != yes and 1.1.1.a != no")] // "no value" satisfies both
    [InlineData("not (1.1.1.b is answered)")]
    [InlineData("case.reqs == {rar, unpaid_work}")]
    [InlineData("case.type in {community}")]
    [InlineData("count(1.1.1.* is positive) >= 2")]
    public void RL0202_NearMiss_ConditionCanHold(string condition)
    {
        DiagnosticAssert.DoesNotReport("RL0202", PromptWhen(condition));
    }

    [Theory]
    [InlineData("case.age > count(1.1.1.* is positive)")] // a field compared with another number, not a constant
    [InlineData("count(1.1.1.* is positive) < case.age")]
    [InlineData("case.age == count(1.1.1.* is negative) and case.age > 0")]
    public void RL0202_NearMiss_NumberFieldComparedWithAnotherNumber(string condition)
    {
        DiagnosticAssert.DoesNotReport("RL0202", FrameworkWithStandard + $"check \"c\" when {condition}\n");
    }

    [Fact]
    public void RL0202_NearMiss_ChildCompatibleWithEnclosing()
    {
        DiagnosticAssert.DoesNotReport("RL0202", PromptWhen("case.age < 10", "case.harm", "case.age > 5"));
    }

    [Theory]
    [InlineData("[|true|]")]
    [InlineData("[|case.harm or not case.harm|]")]
    [InlineData("[|1.1.1.a == yes or 1.1.1.a != yes|]")]
    [InlineData("[|case.age > 3 or case.age <= 3 or not (case.age is answered)|]")]
    [InlineData("[|count(1.1.1.* is positive) >= 0|]")]
    [InlineData("[|not (case.type in {})|]")]
    [InlineData("[|not (1.1.1.a == yes and 1.1.1.a == no and case.harm)|]")]
    public void RL0203_ConditionAlwaysHolds(string condition)
    {
        var marked = MarkedText.Parse(PromptWhen(condition));
        DiagnosticAssert.Reports("RL0203", Warning, Compile(marked.Text).Diagnostics, MainPath, marked);
    }

    [Fact]
    public void RL0203_AlwaysHoldsWhereTheEnclosingItemApplies()
    {
        var marked = MarkedText.Parse(PromptWhen("[|case.age > 1|]", keyQuestionWhen: "case.age > 5"));
        var found = DiagnosticAssert.Reports("RL0203", Warning, Compile(marked.Text).Diagnostics, MainPath, marked);
        Assert.Contains("wherever key question 1.1.1 applies", found[0].Message);
    }

    [Theory]
    [InlineData("case.harm")]
    [InlineData("case.age > 3 or case.age <= 3")] // no value: neither holds
    [InlineData("1.1.1.a == yes or 1.1.1.a == no")] // unanswered: neither holds
    [InlineData("case.type != community or case.type != custody and case.harm")]
    public void RL0203_NearMiss(string condition)
    {
        DiagnosticAssert.DoesNotReport("RL0203", PromptWhen(condition));
    }

    [Fact]
    public void RL0202_And_RL0203_OnChecksAndSignals()
    {
        var marked = MarkedText.Parse(FrameworkWithStandard + """
            check "never" when [|case.age < 0 and case.age > 0|]
            signal "always" when [|true|]
            check "fine" when case.age < 0

            """);
        var diagnostics = Compile(marked.Text).Diagnostics;
        DiagnosticAssert.Reports("RL0202", Warning, diagnostics, MainPath, marked with { Spans = [marked.Spans[0]] });
        DiagnosticAssert.Reports("RL0203", Warning, diagnostics, MainPath, marked with { Spans = [marked.Spans[1]] });
    }

    [Fact]
    public void RL0201_CircularRouting()
    {
        var marked = MarkedText.Parse(Framework + """
            domain 1 "D" {
              standard 1.1 "S" {
                summary "Sum"
                rated by lowest key_question
                key_question 1.1.1 "Q" : YesNo {
                  prompt a "A" : YesNo
                    when [|1.1.1.b == yes|]
                  prompt b "B" : YesNo
                    when 1.1.1.a == yes
                  prompt c "C" : YesNo
                    when [|1.1.1.c is answered|]
                }
              }
            }

            """);
        var found = DiagnosticAssert.Reports("RL0201", Error, Compile(marked.Text).Diagnostics, MainPath, marked);
        Assert.Contains(found, d => d.Message.Contains("1.1.1.a") && d.Message.Contains("1.1.1.b"));
        // The circle's next step is the related place: from a's condition on to b's; c reads itself, so none.
        var ab = found.Single(d => d.Message.Contains("1.1.1.b"));
        Assert.Equal(("The condition of prompt 1.1.1.b, next in the circle", marked.Text.IndexOf("1.1.1.a == yes", StringComparison.Ordinal)),
            (ab.Related!.Message, ab.Related.Location.Span.Start));
        var c = found.Single(d => !d.Message.Contains("1.1.1.b"));
        Assert.Null(c.Related);
    }

    [Fact]
    public void RL0201_ChildDependingOnItsOwnKeyQuestionAggregate()
    {
        // The key question's condition looks at its own prompts, which apply only where it does.
        DiagnosticAssert.Reports("RL0201", Error, Framework + """
            domain 1 "D" {
              standard 1.1 "S" {
                summary "Sum"
                rated by lowest key_question
                key_question 1.1.1 "Q" : YesNo
                  when [|any(1.1.1.* is positive)|]
                {
                  prompt a "A" : YesNo
                }
              }
            }

            """);
    }

    [Fact]
    public void RL0201_NearMiss_ChainWithoutCycle()
    {
        DiagnosticAssert.DoesNotReport("RL0201", PromptWhen("1.1.1.a == yes and 1.1.1.b != none and 1.1.1 == yes"));
    }

    [Fact]
    public void RL0204_ErrorOnKeyQuestionWarningOnPrompt()
    {
        var marked = MarkedText.Parse(Framework + """
            answers Neutral {
              seen     "Seen"
              not_seen "Not seen"
            }

            domain 1 "D" {
              standard 1.1 "S" {
                summary "Sum"
                rated by lowest key_question
                key_question 1.1.1 "Q" : [|Neutral|] {
                  prompt a "A" : [|Neutral|]
                  prompt b "B" : YesNo
                }
              }
            }

            """);
        var diagnostics = Compile(marked.Text).Diagnostics;
        var keyQuestion = Assert.Single(diagnostics, d => d.Id == "RL0204" && d.Severity == Error);
        Assert.Equal(marked.Spans[0], keyQuestion.Location.Span);
        var prompt = Assert.Single(diagnostics, d => d.Id == "RL0204" && d.Severity == Warning);
        Assert.Equal(marked.Spans[1], prompt.Location.Span);
    }

    [Fact]
    public void RL0204_NearMiss()
    {
        DiagnosticAssert.DoesNotReport("RL0204", FrameworkWithStandard);
    }
}
