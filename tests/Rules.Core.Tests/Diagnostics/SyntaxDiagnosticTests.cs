using Rules.Core.Diagnostics;
using Rules.Core.Tests.Support;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>RL0001–RL0003: each triggered at an exact range, and a near miss that is clean.</summary>
public class SyntaxDiagnosticTests
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;

    [Fact]
    public void BaseFrameworkChecksClean()
    {
        DiagnosticAssert.Clean(Compile(FrameworkWithStandard));
    }

    [Fact]
    public void RL0001_MissingColonBeforeAnswerSet()
    {
        DiagnosticAssert.Reports("RL0001", Error, Framework + """
            domain 1 "D" {
              standard 1.1 "S" {
                summary "Sum"
                rated by lowest key_question
                key_question 1.1.1 "Q" [|YesNo|]
              }
            }
            """);
    }

    [Fact]
    public void RL0001_NearMiss_ColonPresent()
    {
        DiagnosticAssert.DoesNotReport("RL0001", FrameworkWithStandard);
    }

    [Fact]
    public void RL0001_GarbageLine()
    {
        DiagnosticAssert.Reports("RL0001", Error, Framework + """
            [|%|]%% what is this
            answers Other { a "A" positive }
            """);
    }

    [Theory]
    [InlineData("prompt b \"B\" : YesNo", "[|promt|] b \"B\" : YesNo",
        "Unexpected 'promt' in the key question; expected prompt, guidance, check or signal. Did you mean 'prompt'?", "prompt")]
    [InlineData("rated by lowest key_question", "rated by lowest [|key question|]",
        "Unexpected 'key question' in the standard; expected summary, rated by, key_question, guidance, check or signal. Did you mean 'key_question'?", "key_question")]
    [InlineData("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo\n      check \"c\" when 1.1.1 [|=|] yes",
        "'=' on its own is not an operator; to compare, write '==' (or '!=', '<=', '>=').", "==")]
    [InlineData("prompt b \"B\" : YesNo", "[|#|] a note\n      prompt b \"B\" : YesNo",
        "'#' does not start a comment here; comments start with '//' (or are written between '/*' and '*/').", "//")]
    [InlineData("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo[|;|]",
        "Lines do not end with ';' in rule files; remove it.", "")]
    // Near miss: a word like no keyword is reported without a suggestion.
    [InlineData("prompt b \"B\" : YesNo", "[|banana|] b \"B\" : YesNo",
        "Unexpected 'banana' in the key question; expected prompt, guidance, check or signal.", null)]
    public void RL0001_AMisspeltKeywordOrALoneEqualsSaysWhatWasMeant(string original, string marked, string message, string? suggestion)
    {
        var d = Assert.Single(DiagnosticAssert.Reports("RL0001", Error, FrameworkWithStandard.Replace(original, marked)));
        Assert.Equal(message, d.Message);
        Assert.Equal(suggestion, d.Suggestion);
    }

    [Fact]
    public void RL0001_TextInCurlyQuotesIsOneErrorAndStillTheItemsText()
    {
        var marked = FrameworkWithStandard.Replace("prompt b \"B\" : YesNo", "prompt b [|“Is it “done” or \"over\"?”|] : Yes\n      prompt c \"C\" : YesNo");
        var d = Assert.Single(DiagnosticAssert.Reports("RL0001", Error, marked));
        Assert.Equal("Texts are written between straight quotes (\"), not curly ones (“ ”) as word processors write them; change the quotes.", d.Message);
        // The fix keeps what is inside, with the straight quotes it holds escaped.
        Assert.Equal("\"Is it “done” or \\\"over\\\"?\"", d.Suggestion);
        var compilation = Compile(MarkedText.Parse(marked).Text);
        Assert.Equal("Is it “done” or \"over\"?", compilation.Model.FindQuestion("1.1.1.b")!.Text);
        // The rest of the line and the next lines are still checked: the misspelt answer set is reported.
        Assert.Contains(compilation.Diagnostics, x => x.Id == "RL0103" && x.Message.Contains("'Yes'", StringComparison.Ordinal));
    }

    [Fact]
    public void RL0001_ADashForToInARangeIsOneErrorWithToAsTheFix()
    {
        var found = DiagnosticAssert.Reports("RL0001", Error, FrameworkWithStandard + """
            breakdown ages "Ages" by case.age {
              "18-25" : 18 [|-|] 25
              "26+"   : from 26
            }
            """);
        Assert.Equal("Expected 'to' but found the character '-'. Did you mean 'to'?", Assert.Single(found).Message);
        Assert.Equal("to", found[0].Suggestion);
        // The broken group takes no part in the overlap checks: no RL0304 made up from a missing bound.
        DiagnosticAssert.DoesNotReport("RL0304", FrameworkWithStandard + """
            breakdown ages "Ages" by case.age {
              "18-25" : 18 - 25
              "26+"   : from 26
            }
            """);
    }

    [Theory]
    [InlineData("18[|–|]25", "Expected 'to' but found the character '–'. Did you mean 'to'?", " to ")]
    [InlineData("18 [|—|] 25", "Expected 'to' but found the character '—'. Did you mean 'to'?", "to")]
    [InlineData("18[|-25|]", "Expected 'to' but found '-25'. Did you mean 'to 25'?", " to 25")]
    public void RL0001_ARangeWrittenWithADashGetsToAsTheFix(string range, string message, string suggestion)
    {
        var text = FrameworkWithStandard + $"breakdown ages \"Ages\" by case.age {{\n  \"18-25\" : {range}\n  \"26+\" : from 26\n}}\n";
        var d = Assert.Single(DiagnosticAssert.Reports("RL0001", Error, text));
        Assert.Equal(message, d.Message);
        Assert.Equal(suggestion, d.Suggestion);
        // Applying the fix gives a clean range, and the broken one made up no RL0304 meanwhile.
        var source = MarkedText.Parse(text);
        var span = source.Spans.Single();
        DiagnosticAssert.Clean(Compile(source.Text[..span.Start] + suggestion + source.Text[span.End..]));
        DiagnosticAssert.DoesNotReport("RL0304", source.Text);
    }

    [Fact]
    public void RL0001_MisspeltExpectationWordsSuggestTheWord()
    {
        var found = DiagnosticAssert.Reports("RL0001", Error, FrameworkWithStandard + """
            test "t" {
              answers { 1.1.1: yes }
              expect 1.1.1.a not [|aplicable|]
              expect [|vaild|]
            }
            """);
        Assert.Equal("Expected 'applicable' but found 'aplicable'. Did you mean 'applicable'?", found[0].Message);
        Assert.Equal("applicable", found[0].Suggestion);
        Assert.Equal("Expected 'valid', 'invalid', 'signal' or a code such as 2.4.1 but found 'vaild'. Did you mean 'valid'?", found[1].Message);
        Assert.Equal("valid", found[1].Suggestion);
    }

    [Fact]
    public void RL0001_MisspeltOutcomeAfterIsSuggestsTheOutcome()
    {
        var found = DiagnosticAssert.Reports("RL0001", Error, FrameworkWithStandard.Replace(
            "prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo\n      check \"c\" when none(1.1.1.* is [|positve|])\n      check \"d\" when 1.1.1.a is [|negativ|]"));
        Assert.Equal("Expected 'positive', 'negative', 'not_applicable' or 'answered' but found 'positve'. Did you mean 'positive'?", found[0].Message);
        Assert.Equal("positive", found[0].Suggestion);
        Assert.Equal("negative", found[1].Suggestion);
    }

    [Fact]
    public void RL0001_AndWithNothingAfterItSaysAConditionIsMissing()
    {
        var found = DiagnosticAssert.Reports("RL0001", Error, FrameworkWithStandard.Replace(
            "prompt b \"B\" : YesNo\n    }", "prompt b \"B\" : YesNo\n      check \"c\" when 1.1.1 == yes and[||]\n    }"));
        // Reported at the end of the line, where the condition has to be written.
        Assert.Equal("Expected a condition after 'and' but found the end of the line.", Assert.Single(found).Message);
    }

    [Fact]
    public void RL0001_NearMiss_AConditionContinuedOnTheNextLine()
    {
        DiagnosticAssert.Clean(Compile(FrameworkWithStandard.Replace(
            "prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo\n      check \"c\" when 1.1.1 == yes and\n        1.1.1.a == no or\n        1.1.1.b is positive")));
    }

    [Fact]
    public void RL0002_UnterminatedString()
    {
        DiagnosticAssert.Reports("RL0002", Error, Framework + """
            answers Other {
              a [|"A positive|]
            }
            """);
    }

    [Fact]
    public void RL0002_AnUnclosedQuestionLeavesTheNextLineToTheNextMember()
    {
        // The quote is never closed, so ': YesNo' is part of the text and the header ends with the line. The next line's
        // 'key_question' starts the next member: it is not taken for the missing answer set, so the key question after it
        // is declared and its own mistakes are still reported.
        var text = Framework + """
            domain 1 "D" {
              standard 1.1 "S" {
                key_question 1.1.1 "Unclosed : YesNo
                key_question 1.1.2 "Q" : YesNo {
                  prompt a "A" : YesNo when case.hram
                  prompt b "Unclosed : YesNo
                  prompt c "C" : YesNo when 1.1.2.a == maybe
                }
              }
            }
            """;
        var compilation = Compile(text);
        var lines = compilation.Diagnostics.Select(d => $"{d.Id} {d.Location.LineSpan.Start.Line + 1}: {d.Message}").ToArray();
        var first = MarkedText.Parse(Framework).Text.Split('\n').Length; // the line of 'domain'
        Assert.Equal(
            [
                $"RL0002 {first + 2}: This text has no closing quote (\"); add one at the end of the line.",
                $"RL0001 {first + 2}: Expected ':' and an answer set but found the end of the line.",
                $"RL0104 {first + 4}: The case has no field 'hram'; did you mean 'harm'?",
                $"RL0002 {first + 5}: This text has no closing quote (\"); add one at the end of the line.",
                $"RL0001 {first + 5}: Expected ':' and an answer set but found the end of the line.",
                $"RL0105 {first + 6}: Prompt 1.1.2.a has no option 'maybe'; its options are yes and no.",
            ],
            lines.Where(l => l.StartsWith("RL00", StringComparison.Ordinal) || l.StartsWith("RL01", StringComparison.Ordinal)).ToArray()); // not the lint rules' findings
        Assert.NotNull(compilation.Model.FindQuestion("1.1.2"));
        Assert.NotNull(compilation.Model.FindQuestion("1.1.2.c"));
        Assert.Equal(text, Rules.Core.Syntax.SyntaxTree.Parse(text, "x.rules").Root.ToString());
    }

    [Fact]
    public void RL0002_AnUnclosedFieldLabelLeavesTheNextLineToTheNextField()
    {
        // 'harm' on the next line is the next field, not a value of an enum type written after a missing ':'.
        var compilation = Compile(Framework.Replace("age   \"Age\"   : number", "age   \"Age   : number") + """
            test "t" {
              case { harm: true, type: custody }
            }
            """);
        Assert.Equal(["RL0002", "RL0001"], compilation.Diagnostics.Where(d => d.Id.StartsWith("RL00", StringComparison.Ordinal) || d.Id.StartsWith("RL01", StringComparison.Ordinal)).Select(d => d.Id));
        Assert.Equal("Expected ':' and the field's type but found the end of the line.", compilation.Diagnostics.Single(d => d.Id == "RL0001").Message);
        Assert.NotNull(compilation.Model.FindField("harm"));
    }

    [Theory]
    [InlineData("good \"Good score 1 from 50%")] // unclosed: the score and bound are inside the text
    [InlineData("good \"Good\" score from 50%")] // the score left out
    [InlineData("good \"Good\" score 1 from")] // the bound left out
    public void RL0001_ALevelWithoutItsScoreOrBoundIsNotComparedWithTheOthers(string level)
    {
        // The syntax error is the one finding: the scale's order and the overall bands are not judged on a number that is not there.
        var compilation = Compile(FrameworkWithStandard.Replace("good \"Good\" score 1 from 50%", level));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Id is "RL0301" or "RL0302");
        Assert.Contains(compilation.Diagnostics, d => d.Id == "RL0001");
    }

    [Theory]
    [InlineData("standard 1.1 \"S\" {", "standrd 1.1 \"S\" {", "standrd", "standard")]
    [InlineData("key_question 1.1.1 \"Q\" : YesNo {", "key_questin 1.1.1 \"Q\" : YesNo {", "key_questin", "key_question")]
    [InlineData("prompt a \"A\" : YesNo", "promt a \"A\" : YesNo", "promt", "prompt")]
    public void RL0001_AMisspeltKeywordStillStartsItsMemberSoWhatIsInsideIsRead(string written, string misspelt, string word, string keyword)
    {
        // The item keeps its shape: it is declared, and a mistake inside it is still reported (not skipped with it).
        var text = FrameworkWithStandard.Replace(written, misspelt).Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo when case.hram");
        var compilation = Compile(text);
        var findings = compilation.Diagnostics.Where(d => d.Id.StartsWith("RL00", StringComparison.Ordinal) || d.Id.StartsWith("RL01", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, findings.Length);
        Assert.Equal("RL0001", findings[0].Id);
        Assert.Contains($"'{word}'", findings[0].Message, StringComparison.Ordinal);
        Assert.EndsWith($"Did you mean '{keyword}'?", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal("RL0104", findings[1].Id);
        Assert.NotNull(compilation.Model.FindQuestion("1.1.1.a"));
        Assert.NotNull(compilation.Model.FindQuestion("1.1.1.b"));
        Assert.Equal(text, Rules.Core.Syntax.SyntaxTree.Parse(text, "x.rules").Root.ToString());
    }

    [Fact]
    public void RL0001_AMisspeltSignalIsStillASignal()
    {
        var compilation = Compile(FrameworkWithStandard.Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo\n      singal \"Odd\" when 1.1.1.a == yes"));
        Assert.Equal(["RL0001"], compilation.Diagnostics.Where(d => d.Id.StartsWith("RL00", StringComparison.Ordinal)).Select(d => d.Id));
        Assert.True(Assert.Single(compilation.Model.FindQuestion("1.1.1")!.Checks).IsSignal);
    }

    [Fact]
    public void RL0001_NearMiss_AWordLikeAKeywordButNotShapedLikeItsMemberIsSkipped()
    {
        // 'standrd' followed by text, not a code: not taken for a standard, reported and skipped as before.
        var compilation = Compile(FrameworkWithStandard.Replace("domain 1 \"D\" {", "domain 1 \"D\" {\n  standrd \"S\""));
        var d = Assert.Single(compilation.Diagnostics, d => d.Id == "RL0001");
        Assert.Equal("Unexpected 'standrd' in the domain; expected standard, summary, guidance, check or signal. Did you mean 'standard'?", d.Message);
        Assert.NotNull(compilation.Model.FindQuestion("1.1.1.a"));
    }

    [Theory]
    [InlineData("prompt a \"A\" : YesNo when case.harm and", "a condition after 'and'")]
    [InlineData("prompt a \"A\" : YesNo when case.harm or", "a condition after 'or'")]
    [InlineData("prompt a \"A\" : YesNo when", "a condition")]
    [InlineData("prompt a \"A\" : YesNo when case.age >=", "a value")]
    public void RL0001_AConditionCutShortAtTheEndOfALineLeavesTheNextMemberAlone(string line, string expected)
    {
        // The next line's 'prompt b' is the next prompt, not a name in the condition.
        var compilation = Compile(FrameworkWithStandard.Replace("prompt a \"A\" : YesNo", line));
        var d = Assert.Single(compilation.Diagnostics, d => d.Id.StartsWith("RL00", StringComparison.Ordinal) || d.Id.StartsWith("RL01", StringComparison.Ordinal));
        Assert.Equal($"Expected {expected} but found the end of the line.", d.Message);
        Assert.NotNull(compilation.Model.FindQuestion("1.1.1.b"));
    }

    [Fact]
    public void RL0001_TwoPartsMissingAtOnePlaceFromTwoMembersAreBothReported()
    {
        // The last prompt's condition is cut short and its key question's '}' is forgotten: both are missing where the
        // line ends, and fixing one would not fix the other.
        var text = Framework + """
            domain 1 "D" {
              standard 1.1 "S" {
                key_question 1.1.1 "Q" : YesNo {
                  prompt a "A" : YesNo when case.harm and
                key_question 1.1.2 "Q" : YesNo
              }
            }
            """;
        var messages = Compile(text).Diagnostics.Where(d => d.Id == "RL0001").Select(d => d.Message).ToArray();
        Assert.Equal(["Expected a condition after 'and' but found the end of the line.", "Expected '}' to close key question 1.1.1 but found the end of the line."], messages);
    }

    [Theory]
    [InlineData("answers { 1.1.1: yes }")]
    [InlineData("expect 1.1.1 positive")]
    public void RL0001_ATestCaseWithoutItsClosingBraceEndsAtTheTestsNextPart(string next)
    {
        var text = FrameworkWithStandard + $$"""
            test "t" {
              case { age: 30, harm: true
              {{next}}
            }
            """;
        var compilation = Compile(text);
        var d = Assert.Single(compilation.Diagnostics, d => d.Id.StartsWith("RL00", StringComparison.Ordinal) || d.Id.StartsWith("RL01", StringComparison.Ordinal));
        Assert.Equal("Expected '}' to close the test's case but found the end of the line.", d.Message);
    }

    [Theory]
    [InlineData("1.1.1.a == yes && case.harm", "&&", "'&&' is not an operator in rule files; write 'and'.", "and")]
    [InlineData("1.1.1.a == yes || case.harm", "||", "'||' is not an operator in rule files; write 'or'.", "or")]
    [InlineData("!case.harm", "!", "'!' is not an operator in rule files; write 'not'.", "not ")]
    [InlineData("case.type in [community, custody]", "[", "Sets are written between braces, such as {community, custody}, not between '[' and ']'.", null)]
    [InlineData("case.age between 18 and 25", "case.age between 18 and 25", "There is no 'between' in rule files; compare twice: 'case.age >= 18 and case.age <= 25'.", "case.age >= 18 and case.age <= 25")]
    public void RL0001_OperatorsFromOtherLanguagesAreNamedWithTheirFix(string condition, string at, string message, string? fix)
    {
        var text = FrameworkWithStandard.Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo when " + condition);
        var d = Assert.Single(Compile(text).Diagnostics, d => d.Id == "RL0001");
        Assert.Equal(message, d.Message);
        Assert.Equal(at, text[d.Location.Span.Start..d.Location.Span.End]);
        Assert.Equal(fix, d.Suggestion);
    }

    [Fact]
    public void RL0001_AMisspeltOutcomeIsTakenForTheOutcomeMeant()
    {
        // Not an option called 'postive' without a label: the option 'yes' is positive, misspelt.
        var compilation = Compile(FrameworkWithStandard.Replace("yes \"Yes\" positive", "yes \"Yes\" postive"));
        var d = Assert.Single(compilation.Diagnostics);
        Assert.Equal("Expected 'positive' but found 'postive'. Did you mean 'positive'?", d.Message);
        Assert.Equal("positive", d.Suggestion);
    }

    [Fact]
    public void RL0001_ValuesOfAFieldSeparatedByCommasAreStillItsValues()
    {
        var compilation = Compile(FrameworkWithStandard.Replace("community | custody", "community, custody") + """
            test "t" {
              case { type: custody }
            }
            """);
        var d = Assert.Single(compilation.Diagnostics, d => d.Id.StartsWith("RL00", StringComparison.Ordinal) || d.Id.StartsWith("RL01", StringComparison.Ordinal));
        Assert.Equal("Expected '|' but found ','. Did you mean '|'?", d.Message);
        Assert.Equal(["community", "custody"], compilation.Model.FindField("type")!.Values.Select(v => v.Name));
    }

    [Theory]
    [InlineData("not_applicable")]
    [InlineData("notapplicable")]
    public void RL0001_AnExpectationWrittenLikeTheOutcomeKeywordGetsTheTwoWordsAsTheFix(string written)
    {
        // Options are marked 'not_applicable', but a test expects an item 'not applicable': the fix is the two words.
        var compilation = Compile(FrameworkWithStandard + $$"""
            test "t" {
              expect 1.1.1.a {{written}}
            }
            """);
        var d = Assert.Single(compilation.Diagnostics, d => d.Id == "RL0001");
        Assert.EndsWith("Did you mean 'not applicable'?", d.Message, StringComparison.Ordinal);
        Assert.Equal("not applicable", d.Suggestion);
    }

    [Fact]
    public void RL0001_AConditionWrittenLikeAnExpectationGetsTheOutcomeKeywordAsTheFix()
    {
        // The other way round: a condition tests the outcome 'not_applicable', one word.
        var text = FrameworkWithStandard.Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo when 1.1.1.a is not applicable");
        var d = Assert.Single(Compile(text).Diagnostics, d => d.Id == "RL0001");
        Assert.Equal("Expected 'positive', 'negative', 'not_applicable' or 'answered' but found 'not applicable'. Did you mean 'not_applicable'?", d.Message);
        Assert.Equal("not applicable", text[d.Location.Span.Start..d.Location.Span.End]);
        Assert.Equal("not_applicable", d.Suggestion);
    }

    [Fact]
    public void RL0001_AMissingOpeningBraceNamesTheItemItOpens()
    {
        var compilation = Compile(FrameworkWithStandard.Replace("standard 1.1 \"S\" {", "standard 1.1 \"S\""));
        var d = Assert.Single(compilation.Diagnostics, d => d.Id == "RL0001");
        Assert.Equal("Expected '{' to open standard 1.1 but found the end of the line.", d.Message);
    }

    [Theory]
    [InlineData("\u200B", "There is an invisible character here (U+200B, a zero-width space), probably pasted with the text; delete it.")]
    [InlineData("\u00AD", "There is an invisible character here (U+00AD, a soft hyphen), probably pasted with the text; delete it.")]
    [InlineData("\u0007", "There is an invisible character here (U+0007), probably pasted with the text; delete it.")]
    public void RL0001_AnInvisibleCharacterIsNamedByItsCode(string character, string message)
    {
        // Shown as it is, the character would be invisible in the message too.
        var text = FrameworkWithStandard.Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo " + character);
        var d = Assert.Single(Compile(text).Diagnostics, d => d.Id == "RL0001");
        Assert.Equal(message, d.Message);
        Assert.Equal("", d.Suggestion);
        Assert.Equal(character, text[d.Location.Span.Start..d.Location.Span.End]);
    }

    [Fact]
    public void RL0001_AKeywordWrittenAsTwoWordsStillStartsItsMember()
    {
        // 'key question 1.1.1 ...': reported over both words with 'key_question' as the fix, and the key question is
        // declared with its prompts, so its mistakes are still found.
        var text = FrameworkWithStandard.Replace("key_question 1.1.1", "key question 1.1.1").Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo when case.hram");
        var compilation = Compile(text);
        var findings = compilation.Diagnostics.Where(d => d.Id.StartsWith("RL00", StringComparison.Ordinal) || d.Id.StartsWith("RL01", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["RL0001", "RL0104"], findings.Select(d => d.Id));
        Assert.Equal("key question", text[findings[0].Location.Span.Start..findings[0].Location.Span.End]);
        Assert.Equal("key_question", findings[0].Suggestion);
        Assert.NotNull(compilation.Model.FindQuestion("1.1.1.b"));
        Assert.Equal(text, Rules.Core.Syntax.SyntaxTree.Parse(text, "x.rules").Root.ToString());
    }

    [Fact]
    public void RL0001_AGarbledBlockWithoutItsClosingBracesDoesNotSwallowTheNextDeclaration()
    {
        // The garbled member is skipped with its braces balanced; when they never balance, the skip ends at the next
        // line that can only be a declaration of its own (domain 2), rather than at the end of the file, so domain 2
        // is read and its mistake reported.
        var text = Framework + """
            domain 1 "D" {
              standard 1.1 "S" {
                bananas "x" { more { evenmore { andmore {
                }
              }
            }

            domain 2 "E" {
              standard 2.1 "T" {
                rated by inspector
                key_question 2.1.1 "Q" : Nope
              }
            }
            """;
        var compilation = Compile(text);
        Assert.Contains(compilation.Diagnostics, d => d.Id == "RL0103" && d.Message.Contains("'Nope'", StringComparison.Ordinal));
        Assert.NotNull(compilation.Model.FindQuestion("2.1.1"));
        Assert.Contains(compilation.Diagnostics, d => d.Id == "RL0001" && d.Message.StartsWith("Unexpected 'bananas'", StringComparison.Ordinal));
    }

    [Fact]
    public void RL0001_APercentInTheOverallBandsIsExplained()
    {
        // Scale levels start at percentages; overall bands at total scores. '%' copied from a level is named so.
        var text = FrameworkWithStandard.Replace("good from 1\n", "good from 1%\n");
        var d = Assert.Single(Compile(text).Diagnostics, d => d.Id == "RL0001");
        Assert.Equal("Overall bands start at a total score, not a percentage; remove '%'.", d.Message);
        Assert.Equal("", d.Suggestion);
        Assert.Equal("%", text[d.Location.Span.Start..d.Location.Span.End]);
    }

    [Fact]
    public void RL0001_NearMiss_AConditionGoesOnOnTheNextLineAfterAnd()
    {
        var compilation = Compile(FrameworkWithStandard.Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo when case.harm and\n        case.age >= 18"));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Id.StartsWith("RL00", StringComparison.Ordinal) || d.Id.StartsWith("RL01", StringComparison.Ordinal));
    }

    [Fact]
    public void RL0001_NearMiss_AnAnswerSetOnTheLineAfterTheColonIsStillTheAnswerSet()
    {
        var compilation = Compile(Framework + """
            domain 1 "D" {
              standard 1.1 "S" {
                key_question 1.1.1 "Q" :
                  YesNo
              }
            }
            """);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Id is "RL0001" or "RL0103");
        Assert.Equal("YesNo", compilation.Model.FindQuestion("1.1.1")!.AnswerSet?.Name);
    }

    [Fact]
    public void RL0002_UnterminatedBlockComment()
    {
        DiagnosticAssert.Reports("RL0002", Error, FrameworkWithStandard + "[|/*|] never closed\n");
    }

    [Fact]
    public void RL0002_UnterminatedMultiLineString()
    {
        DiagnosticAssert.Reports("RL0002", Error, Framework + "domain 1 \"D\" {\n  standard 1.1 \"S\" {\n    guidance [|\"\"\"|]\n never closed\n}\n}\n");
    }

    [Fact]
    public void RL0002_AnUnclosedGuidanceEndsBeforeTheNextLineAtItsOwnDepthSoTheRestIsRead()
    {
        var text = FrameworkWithStandard.Replace("      prompt a \"A\" : YesNo", "      guidance [|\"\"\"|]\n        Look at the plan.\n\n        Then at the review.\n      prompt a \"A\" : YesNo");
        var d = Assert.Single(DiagnosticAssert.Reports("RL0002", Error, text));
        var source = MarkedText.Parse(text).Text;
        var compilation = Compile(source);
        // Only the unclosed text is reported: the prompts after it are declared and the file is otherwise clean.
        Assert.Equal([d.Id], compilation.Diagnostics.Select(x => x.Id));
        Assert.Equal("Look at the plan.\n\nThen at the review.", compilation.Model.FindQuestion("1.1.1")!.Guidance);
        Assert.NotNull(compilation.Model.FindQuestion("1.1.1.a"));
        Assert.Equal(source, Rules.Core.Syntax.SyntaxTree.Parse(source, "x.rules").Root.ToString());
    }

    [Fact]
    public void RL0002_NearMiss_AClosedGuidanceIsReadAsWrittenHoweverItsLinesAreIndented()
    {
        var text = FrameworkWithStandard.Replace("      prompt a \"A\" : YesNo", "      guidance \"\"\"\nAt the margin.\n        \"\"\"\n      prompt a \"A\" : YesNo");
        var compilation = Compile(text);
        DiagnosticAssert.Clean(compilation);
        Assert.Equal("At the margin.", compilation.Model.FindQuestion("1.1.1")!.Guidance);
    }

    [Fact]
    public void RL0002_NearMiss_EscapedQuoteAndClosedComment()
    {
        DiagnosticAssert.DoesNotReport("RL0002", FrameworkWithStandard + "/* closed */\nanswers Other { a \"A \\\"quoted\\\"\" positive }\n");
    }

    [Fact]
    public void RL0003_TooManyNestedParentheses()
    {
        var open = new string('(', 300);
        var close = new string(')', 300);
        var tree = Syntax.SyntaxTree.Parse(FrameworkWithStandard + $"check \"c\" when {open}case.harm{close}\n", "x.rules");
        var d = Assert.Single(tree.Diagnostics, d => d.Id == "RL0003");
        Assert.Equal(Error, d.Severity);
    }

    [Fact]
    public void RL0003_NearMiss_ModestNesting()
    {
        var open = new string('(', 50);
        var close = new string(')', 50);
        DiagnosticAssert.DoesNotReport("RL0003", FrameworkWithStandard + $"check \"c\" when {open}case.harm{close}\n");
    }
}
