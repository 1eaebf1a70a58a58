using Rules.Core.Analysis;
using Rules.Core.Semantics;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>
/// RL0202/RL0203 verdicts are searched once per condition "up to the questions' codes" (ConditionKey with
/// questions renamed) and shared between items: sharing must never give one condition another's verdict.
/// </summary>
public class ConditionSharingTests
{
    /// <summary>Standard <paramref name="n"/>.1 with key questions n.1.1 (YesNo), n.1.2 (<paramref name="secondSet"/>) and n.1.3 routed by the condition.</summary>
    private static string Standard(int n, string condition, string secondSet = "YesNo") => $$"""
          standard {{n}}.1 "S{{n}}" {
            not rated
            key_question {{n}}.1.1 "A" : YesNo
            key_question {{n}}.1.2 "B" : {{secondSet}}
            key_question {{n}}.1.3 "C" : YesNo
              when {{condition.Replace("#", n.ToString(System.Globalization.CultureInfo.InvariantCulture))}}
          }

        """;

    private static string Framework(params string[] standards) => Support.Rules.Framework + """
        answers Noted {
          noted "Noted"
          not_noted "Not noted"
        }

        domain 1 "D" {

        """ + string.Concat(standards) + "}\n";

    private static IEnumerable<string> Findings(string text) =>
        Compile(text).Diagnostics.Where(d => d.Id is "RL0202" or "RL0203").Select(d => $"{d.Id} {d.Message}");

    [Fact]
    public void The_same_question_twice_is_not_two_questions()
    {
        // Same text up to codes, but the first reads one question twice (can never hold), the second two questions.
        foreach (var order in new[] { new[] { 1, 2 }, [2, 1] })
        {
            var text = Framework(
                Standard(order[0], "#.1.1 == yes and #.1.1 == no"),
                Standard(order[1], "#.1.1 == yes and #.1.2 == no"));
            var findings = Findings(text).ToList();
            Assert.Single(findings);
            Assert.Contains($"Key question {order[0]}.1.3", findings[0]);
            Assert.StartsWith("RL0202", findings[0]);
        }
    }

    [Fact]
    public void A_question_of_another_answer_set_is_judged_on_its_own()
    {
        // `is positive` can hold for a YesNo question but not for one of Noted, which has no positive option.
        var text = Framework(
            Standard(1, "#.1.2 is positive"),
            Standard(2, "#.1.2 is positive", secondSet: "Noted"));
        var findings = Findings(text).ToList();
        Assert.Single(findings);
        Assert.Contains("Key question 2.1.3", findings[0]);
    }

    [Fact]
    public void A_shared_verdict_is_reported_at_every_item_that_has_it()
    {
        var text = Framework(
            Standard(1, "not (#.1.1 == yes and #.1.1 == no)"),
            Standard(2, "not (#.1.1 == yes and #.1.1 == no)"),
            Standard(3, "not (#.1.1 == yes and #.1.2 == no)"));
        var findings = Compile(text).Diagnostics.Where(d => d.Id == "RL0203").ToList();
        Assert.Equal(2, findings.Count);
        Assert.Contains("1.1.3", findings[0].Message);
        Assert.Contains("2.1.3", findings[1].Message);
        Assert.NotEqual(findings[0].Location.Span, findings[1].Location.Span);
    }

    [Fact]
    public void Renamed_keys_differ_exactly_where_the_solver_can_tell_conditions_apart()
    {
        var model = Compile(Framework(
            Standard(1, "#.1.1 == yes and #.1.2 == no"),
            Standard(2, "#.1.1 == yes and #.1.2 == no"),
            Standard(3, "#.1.2 == yes and #.1.1 == no"),
            Standard(4, "#.1.1 == yes and #.1.1 == no"),
            Standard(5, "#.1.1 == yes and #.1.2 == no", secondSet: "Noted"))).Model;
        var conditions = Enumerable.Range(1, 5).Select(n => model.FindQuestion($"{n}.1.3")!.Condition!).ToList();

        var plain = new ConditionKey(); // which questions are read: the engine's key
        Assert.NotEqual(plain.Of(conditions[0]), plain.Of(conditions[1]));

        var shared = new ConditionKey(new LintCache().ShapeId, renameQuestions: true);
        var k = conditions.Select(c => shared.Of(c)).ToList();
        Assert.Equal(k[0], k[1]);    // other codes, same meaning to the solver
        Assert.Equal(k[0], k[2]);    // first-mentioned question first: still the same shape
        Assert.NotEqual(k[0], k[3]); // one question read twice
        Assert.NotEqual(k[0], k[4]); // another answer set
    }

    [Fact]
    public void A_key_written_for_lookup_is_the_key_kept()
    {
        // The rule looks verdicts up by the characters of a key (ConditionKey.Write) and keeps them by its text (Of).
        var model = Compile(Framework(Standard(1, "#.1.1 == yes and case.age > 3"), Standard(2, "not (#.1.2 == no)"))).Model;
        var keys = new ConditionKey(_ => 0, renameQuestions: true);
        var other = new ConditionKey(_ => 0, renameQuestions: true);
        foreach (var question in model.Questions.Where(q => q.Condition is not null))
        {
            var enclosing = question.Parent?.ConditionChain() ?? [];
            var written = keys.Write(question.Condition!, enclosing).ToString();
            Assert.Equal(other.Of(question.Condition!, enclosing.Select(e => e.Condition)), written);
        }
    }
}
