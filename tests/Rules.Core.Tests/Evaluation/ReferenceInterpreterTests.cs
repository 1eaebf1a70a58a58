using System.Collections.Immutable;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;
using Rules.Core.Tests.Support;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Evaluation;

/// <summary>The reference interpreter: applicability, no-value semantics, aggregates, data problems.</summary>
public class ReferenceInterpreterTests
{
    // Standard 1.1 applies to community cases only; key question 1.1.1 has prompts a, b (Risks) and
    // c (asked only when b is not 'none'); key question 1.1.2 applies only when harm is true.
    private static readonly string Text = Framework + """
        answers Risks {
          yes    "Yes" positive
          should "Should"
          none   "None" not_applicable
        }

        domain 1 "D" {
          standard 1.1 "S"
            when case.type == community
          {
            summary "Sum"
            rated by lowest key_question
            key_question 1.1.1 "Q" : YesNo {
              prompt a "A" : YesNo
              prompt b "B" : Risks
              prompt c "C" : YesNo
                when 1.1.1.b != none
              check "c says yes but a says no"
                when 1.1.1.c == yes and 1.1.1.a == no
              signal "judged yes without any positive prompt"
                when 1.1.1 == yes and none(1.1.1.* is positive)
            }
            key_question 1.1.2 "R" : YesNo
              when case.harm
          }
        }

        check "too old" when case.age > 120

        """;

    private static readonly SemanticModel Model = CompileModel();

    private static SemanticModel CompileModel()
    {
        var compilation = Compile(Text);
        DiagnosticAssert.Clean(compilation);
        return compilation.Model;
    }

    private static CaseEvaluation Evaluate(string fields, string answers, bool allowMissing = false)
    {
        var fieldValues = ImmutableDictionary.CreateBuilder<string, CaseValue>();
        foreach (var pair in fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            fieldValues[name] = value switch
            {
                "true" or "false" => new CaseValue.Boolean(value == "true"),
                _ when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var d) => new CaseValue.Number(d),
                _ when value.StartsWith('[') => new CaseValue.List([.. value.Trim('[', ']').Split('|', StringSplitOptions.RemoveEmptyEntries)]),
                _ => new CaseValue.Text(value),
            };
        }
        var answerValues = answers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToImmutableDictionary(p => p.Split('=')[0], p => p.Split('=')[1]);
        return new ReferenceInterpreter(Model).Evaluate(new CaseAssessment("case-1", "insp", fieldValues.ToImmutable(), answerValues), allowMissing);
    }

    private static QuestionSymbol Q(string code) => Model.FindQuestion(code)!;

    private const string AllAnswered = "1.1.1=yes, 1.1.1.a=yes, 1.1.1.b=yes, 1.1.1.c=yes";

    [Fact]
    public void ValidCaseWithEverythingAnswered()
    {
        var e = Evaluate("type=community, harm=false, age=30", AllAnswered);
        Assert.Empty(e.Problems);
        Assert.False(e.IsRejected);
        Assert.True(e.AppliesTo(Q("1.1.1.c")));
        Assert.False(e.AppliesTo(Q("1.1.2")));
        Assert.Equal("yes", e.AnswerOf(Q("1.1.1"))!.Name);
    }

    [Fact]
    public void EnclosingConditionsDecideApplicability()
    {
        // Custody: the standard does not apply, so nothing under it does, whatever their own conditions.
        var e = Evaluate("type=custody, harm=true, age=30", "");
        Assert.False(e.AppliesTo(Model.Standards[0]));
        Assert.All(Model.Questions, q => Assert.False(e.AppliesTo(q)));
        Assert.False(e.IsRejected);
    }

    [Fact]
    public void PromptRoutedAwayByAnotherAnswer()
    {
        var e = Evaluate("type=community, harm=false", "1.1.1=yes, 1.1.1.a=yes, 1.1.1.b=none");
        Assert.False(e.AppliesTo(Q("1.1.1.c")));
        Assert.DoesNotContain(e.Problems, p => p.Id == "RL1004");
    }

    [Fact]
    public void NoValueMakesNotEqualsTrue()
    {
        // 1.1.1.b unanswered: '1.1.1.b != none' holds, so c applies, and both are missing (RL1004).
        var e = Evaluate("type=community, harm=false", "1.1.1=yes, 1.1.1.a=yes");
        Assert.True(e.AppliesTo(Q("1.1.1.c")));
        Assert.Equal(["1.1.1.b", "1.1.1.c"], e.Problems.Where(p => p.Id == "RL1004").Select(p => p.Code).Order());
        Assert.True(e.IsRejected);
    }

    [Fact]
    public void MissingBooleanFieldIsFalseAsACondition()
    {
        var e = Evaluate("type=community", AllAnswered);
        Assert.False(e.AppliesTo(Q("1.1.2")));
    }

    [Fact]
    public void MissingEnumFieldMakesEqualsFalse()
    {
        var e = Evaluate("harm=true", "");
        Assert.False(e.AppliesTo(Model.Standards[0]));
    }

    [Fact]
    public void AllowMissingTurnsMissingAnswersIntoWarnings()
    {
        var e = Evaluate("type=community, harm=true", "1.1.1=yes", allowMissing: true);
        var missing = e.Problems.Where(p => p.Id == "RL1004").ToList();
        Assert.Equal(4, missing.Count); // a, b, c (b has no value) and 1.1.2
        Assert.All(missing, p => Assert.False(p.IsRejection));
        Assert.False(e.IsRejected);
    }

    [Fact]
    public void UnknownCodeIsRL1002()
    {
        var e = Evaluate("type=community", AllAnswered + ", 1.1.9=yes");
        var p = Assert.Single(e.Problems);
        Assert.Equal("RL1002", p.Id);
        Assert.Equal("1.1.9", p.Code);
        Assert.True(e.IsRejected);
    }

    [Theory]
    [InlineData("type=prison", "type")]
    [InlineData("type=community, age=old", "age")]
    [InlineData("type=community, harm=maybe", "harm")]
    [InlineData("type=community, reqs=[rar|curfew]", "reqs")]
    public void FieldValueNotAllowedIsRL1003(string fields, string field)
    {
        var e = Evaluate(fields, AllAnswered);
        var p = Assert.Single(e.Problems, p => p.Id == "RL1003");
        Assert.Equal(field, p.Code);
        Assert.True(e.IsRejected);
    }

    [Fact]
    public void AnswerNotAnOptionIsRL1003AndCountsAsMissing()
    {
        var e = Evaluate("type=community", "1.1.1=yes, 1.1.1.a=maybe, 1.1.1.b=yes, 1.1.1.c=yes");
        var p = Assert.Single(e.Problems);
        Assert.Equal("RL1003", p.Id);
        Assert.Contains("maybe", p.Message);
        Assert.Null(e.AnswerOf(Q("1.1.1.a")));
    }

    [Fact]
    public void FailedCheckIsRL1005()
    {
        var e = Evaluate("type=community", "1.1.1=yes, 1.1.1.a=no, 1.1.1.b=yes, 1.1.1.c=yes");
        var p = Assert.Single(e.Problems);
        Assert.Equal("RL1005", p.Id);
        Assert.Equal("c says yes but a says no", p.Message);
        Assert.Single(e.FailedChecks);
        Assert.True(e.IsRejected);
    }

    [Fact]
    public void ChecksOfItemsThatDoNotApplyAreNotEvaluated()
    {
        // The same answers, but the standard does not apply: its key question's check is skipped.
        var e = Evaluate("type=custody", "");
        Assert.Empty(e.FailedChecks);
        var global = Evaluate("type=custody, age=130", "");
        Assert.Equal("too old", Assert.Single(global.FailedChecks).Message);
    }

    [Fact]
    public void AnswerForAnItemThatDoesNotApplyIsRL1102Warning()
    {
        var e = Evaluate("type=community, harm=false", AllAnswered + ", 1.1.2=yes");
        var p = Assert.Single(e.Problems);
        Assert.Equal("RL1102", p.Id);
        Assert.False(p.IsRejection);
        Assert.Null(e.AnswerOf(Q("1.1.2")));
    }

    [Fact]
    public void UnknownFieldIsRL1103Warning()
    {
        var e = Evaluate("type=community, colour=red", AllAnswered);
        var p = Assert.Single(e.Problems);
        Assert.Equal("RL1103", p.Id);
        Assert.Equal("colour", p.Code);
        Assert.False(e.IsRejected);
    }

    [Theory]
    [InlineData("1.1.1.a=yes, 1.1.1.b=should, 1.1.1.c=no", false)]   // a is positive
    [InlineData("1.1.1.a=no, 1.1.1.b=should, 1.1.1.c=no", true)]     // none positive
    [InlineData("1.1.1.a=no, 1.1.1.b=none", true)]                   // c does not apply and is ignored
    [InlineData("1.1.1.a=no, 1.1.1.b=yes, 1.1.1.c=no", false)]       // b is positive
    public void NoneAggregateOverApplicableAnsweredPrompts(string prompts, bool raised)
    {
        var e = Evaluate("type=community", "1.1.1=yes, " + prompts);
        Assert.Equal(raised, e.RaisedSignals.Any());
        if (raised) Assert.Contains(e.Problems, p => p.Id == "RL1101" && !p.IsRejection);
    }

    [Theory]
    [InlineData("any(1.1.1.* is positive)", "1.1.1.a=no, 1.1.1.b=none", false)]
    [InlineData("any(1.1.1.* is positive)", "1.1.1.a=yes, 1.1.1.b=none", true)]
    [InlineData("all(1.1.1.* is positive)", "1.1.1.a=yes, 1.1.1.b=none", false)]
    [InlineData("all(1.1.1.* is positive)", "1.1.1.a=yes, 1.1.1.b=yes, 1.1.1.c=yes", true)]
    [InlineData("all(1.1.1.* is positive)", "", true)]                     // all of nothing is true
    [InlineData("any(1.1.1.* is positive)", "", false)]                    // any of nothing is false
    [InlineData("none(1.1.1.* == none)", "1.1.1.a=no, 1.1.1.b=none", false)]
    [InlineData("all(1.1.1.* is not_applicable)", "1.1.1.b=none", true)]   // a unanswered, c routed away
    [InlineData("count(1.1.1.* is negative) == 2", "1.1.1.a=no, 1.1.1.b=should, 1.1.1.c=yes", true)]
    [InlineData("count(1.1.1.* is answered) == 1", "1.1.1.b=none", true)]
    public void Aggregates(string condition, string prompts, bool holds)
    {
        var compilation = Compile(Text + $"signal \"probe\" when {condition}\n");
        var model = compilation.Model;
        var answers = ("1.1.1=yes, " + prompts).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToImmutableDictionary(p => p.Split('=')[0], p => p.Split('=')[1]);
        var fields = ImmutableDictionary<string, CaseValue>.Empty.Add("type", new CaseValue.Text("community"));
        var e = new ReferenceInterpreter(model).Evaluate(new CaseAssessment("c", "i", fields, answers), allowMissing: true);
        Assert.Equal(holds, e.RaisedSignals.Any(s => s.Message == "probe"));
    }

    [Theory]
    [InlineData("1.1.1.a == yes", false)]
    [InlineData("1.1.1.a != yes", true)]
    [InlineData("1.1.1.a in {yes, no}", false)]
    [InlineData("1.1.1.a is negative", false)]
    [InlineData("1.1.1.a is answered", false)]
    [InlineData("not (1.1.1.a is answered)", true)]
    [InlineData("case.age < 5 or case.age >= 5", false)]
    [InlineData("case.age != 5", true)] // no value: != is true
    [InlineData("rar in case.reqs", false)]
    [InlineData("case.reqs == {}", false)]
    public void NoValueSemantics(string condition, bool holds)
    {
        // Nothing answered, no fields: every reference and field has no value.
        var compilation = Compile(FrameworkWithStandard + $"signal \"probe\" when {condition}\n");
        var e = new ReferenceInterpreter(compilation.Model).Evaluate(
            new CaseAssessment("c", "i", ImmutableDictionary<string, CaseValue>.Empty, ImmutableDictionary<string, string>.Empty), allowMissing: true);
        Assert.Equal(holds, e.RaisedSignals.Any());
    }

    [Theory]
    [InlineData("rar in case.reqs", "[rar]", true)]
    [InlineData("rar in case.reqs", "[unpaid_work]", false)]
    [InlineData("case.reqs == {rar, unpaid_work}", "[unpaid_work|rar]", true)]
    [InlineData("case.reqs == {rar}", "[unpaid_work|rar]", false)]
    [InlineData("case.reqs == {}", "[]", true)]
    public void SetFields(string condition, string value, bool holds)
    {
        var compilation = Compile(FrameworkWithStandard + $"signal \"probe\" when {condition}\n");
        var fields = ImmutableDictionary<string, CaseValue>.Empty.Add("reqs",
            new CaseValue.List([.. value.Trim('[', ']').Split('|', StringSplitOptions.RemoveEmptyEntries)]));
        var e = new ReferenceInterpreter(compilation.Model).Evaluate(
            new CaseAssessment("c", "i", fields, ImmutableDictionary<string, string>.Empty), allowMissing: true);
        Assert.Equal(holds, e.RaisedSignals.Any());
    }
}
