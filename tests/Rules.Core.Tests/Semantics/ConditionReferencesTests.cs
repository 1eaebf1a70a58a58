using Rules.Core.Semantics;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Semantics;

public class ConditionReferencesTests
{
    private static IReadOnlyList<string> CodesReadBy(string condition)
    {
        var compilation = Compile(FrameworkWithStandard + $$"""
            domain 2 "E" {
              standard 2.1 "T" {
                summary "Sum"
                rated by lowest key_question
                key_question 2.1.1 "Q" : YesNo
                  when {{condition}}
              }
            }

            """);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Severity == global::Rules.Core.Diagnostics.DiagnosticSeverity.Error);
        var question = compilation.Model.QuestionsByCode["2.1.1"];
        return [.. ConditionReferences.QuestionsReadBy(question.Condition!).Select(q => q.Code)];
    }

    [Fact]
    public void Named_questions_each_once_in_the_order_first_read()
    {
        Assert.Equal(["1.1.1.b", "1.1.1"], CodesReadBy("1.1.1.b == yes and (1.1.1 is positive or not (1.1.1.b == no))"));
    }

    [Fact]
    public void An_aggregate_reads_every_prompt_of_its_key_question()
    {
        Assert.Equal(["1.1.1.a", "1.1.1.b"], CodesReadBy("any(1.1.1.* is positive) and 1.1.1.a == yes"));
    }

    [Fact]
    public void Case_fields_and_literals_read_no_question()
    {
        Assert.Empty(CodesReadBy("case.age > 3 and case.harm"));
    }

    [Fact]
    public void A_reader_used_again_gives_each_condition_its_own_questions()
    {
        var compilation = Compile(FrameworkWithStandard + """
            domain 2 "E" {
              standard 2.1 "T" {
                summary "Sum"
                rated by lowest key_question
                key_question 2.1.1 "Q" : YesNo
                  when 1.1.1.b == yes and 1.1.1 is positive
                key_question 2.1.2 "R" : YesNo
                  when any(1.1.1.* is positive)
              }
            }

            """);
        var reader = new ConditionReferences.QuestionsRead();
        foreach (var code in new[] { "2.1.1", "2.1.2", "2.1.1" })
        {
            var condition = compilation.Model.QuestionsByCode[code].Condition!;
            Assert.Equal(ConditionReferences.QuestionsReadBy(condition).Select(q => q.Code), reader.Read(condition).Select(q => q.Code));
        }
    }
}
