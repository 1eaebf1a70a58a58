using System.Text;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;
using Rules.Engine.Reports;
using Rules.Testing;

namespace Rules.Engine.Tests.Framework;

public sealed class EvaluationRunTests
{
    private const string Input = """
        {"id":"C-0001","inspection":"gwent-2022","case":{"type":"post_release","rosh":"medium","age":34,"harm_indicators":true,"requirements":["rar"]},"answers":{"2.4.1":"yes","2.4.1.a":"yes","2.4.1.b":"no","2.4.1.c":"none","2.4.2":"yes","2.4.3":"no","2.4.3.a":"no"}}
        {"id":"C-0002","inspection":"gwent-2022","case":{"type":"community","rosh":"low","age":22,"harm_indicators":false},"answers":{"2.4.1":"no","2.4.1.a":"should","2.4.1.b":"no","2.4.1.c":"should","2.4.1.d":"yes","2.4.2":"no"}}

        {"id":"C-0003","inspection":"avon-2023","case":{"type":"community","rosh":"high","age":60,"harm_indicators":true},"answers":{"2.4.1":"yes","2.4.1.a":"yes","2.4.1.b":"yes","2.4.1.c":"yes","2.4.1.d":"yes","2.4.2":"yes","2.4.3":"yes","2.4.3.a":"yes"}}
        {"id":"C-0004","inspection":"avon-2023","case":{"rosh":"extreme"},"answers":{"2.4.1":"maybe"}}
        {"id":"C-0001","inspection":"avon-2023","case":{},"answers":{}}
        {"id":"C-0006","inspection":"avon-2023",
        {"id":"C-0007","case":{"harm_indicators":false,"colour":"red"},"answers":{"2.4.1":"yes","2.4.1.a":"noncompliance","2.4.1.b":"no","2.4.1.c":"none","2.4.2":"yes","2.4.3":"yes"}}
        """;

    private static EvaluationReport Run(string input, bool allowMissing = false)
    {
        var framework = CompiledFramework.Create(SpecExample.Model);
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(input)), CaseInputFormat.JsonLines, framework.Schema);
        return EvaluationRun.Run(reader, framework, InspectorRatings.None, allowMissing);
    }

    [Fact]
    public void Counts_rejects_and_warns_as_the_contract_says()
    {
        var report = Run(Input);
        Assert.Equal(new InputSummary(7, 4, 3), report.Input);
        Assert.Equal(["*", "", "avon-2023", "gwent-2022"], report.Inspections.Select(i => i.Inspection));
        Assert.Equal([5, 6, 7], report.Rejected.Select(r => r.Line));
        Assert.Equal(["RL1003", "RL1003", "RL1004"], report.Rejected[0].Errors.Select(e => e.Id).Take(3));
        Assert.Equal("RL1006", Assert.Single(report.Rejected[1].Errors, e => e.Id == "RL1006").Id);
        Assert.Equal("RL1001", Assert.Single(report.Rejected[2].Errors).Id);

        var all = report.Inspections[0];
        Assert.Equal(4, all.Cases);
        var kq241 = all.KeyQuestions.Single(q => q.Code == "2.4.1");
        Assert.Equal((4L, 3L, 75.0m, "good"), (kq241.Applicable, kq241.Positive, kq241.Percent, kq241.Level));
        var kq243 = all.KeyQuestions.Single(q => q.Code == "2.4.3");
        Assert.Equal((2L, 1L, 50.0m), (kq243.Applicable, kq243.Positive, kq243.Percent));
        var standard = Assert.Single(all.Standards);
        Assert.Equal(("requires_improvement", 1, 50.0m, "2.4.3"), (standard.Level, standard.Score, standard.Percent, standard.LimitedBy));
        Assert.Equal((1, "requires_improvement"), (all.Overall.Score, all.Overall.Level));

        // 2.4.1.c: yes 1, should 1, none 2 (not applicable): 1 of 2 counted.
        var c = all.Prompts.Single(p => p.Code == "2.4.1.c");
        Assert.Equal((4L, 1L, 50.0m), (c.Applicable, c.Positive, c.Percent));
        Assert.Equal([("yes", 1L), ("should", 1L), ("none", 2L)], c.Options.Select(o => (o.Option, o.Count)));

        // C-0007 answers 2.4.3 although harm_indicators is false, and has an unknown field.
        Assert.Contains(report.Warnings, w => w.Id == "RL1102" && w.Case == "C-0007" && w.Line == 8);
        Assert.Contains(report.Warnings, w => w.Id == "RL1103" && w.Case == "C-0007");
        Assert.Contains(report.Warnings, w => w.Id == "RL1101" && w.Case == "C-0007");
    }

    [Fact]
    public void The_json_report_of_the_spec_example()
    {
        var report = Run(Input);
        Snapshot.Verify(ReportWriters.Render(report, ReportScale.From(SpecExample.Model.Framework!.Scale!), ReportFormat.Json));
    }

    [Fact]
    public void With_allow_missing_a_missing_answer_is_a_warning_and_left_out_of_the_counts()
    {
        var input = """
            {"id":"A","case":{"harm_indicators":false},"answers":{"2.4.1":"yes","2.4.1.a":"yes","2.4.1.b":"yes","2.4.1.c":"none"}}
            {"id":"B","case":{"harm_indicators":false},"answers":{"2.4.1":"no","2.4.1.a":"yes","2.4.1.b":"yes","2.4.1.c":"none","2.4.2":"yes"}}
            """;
        Assert.Equal(new InputSummary(2, 1, 1), Run(input).Input);
        var report = Run(input, allowMissing: true);
        Assert.Equal(new InputSummary(2, 2, 0), report.Input);
        var kq242 = report.Inspections[0].KeyQuestions.Single(q => q.Code == "2.4.2");
        Assert.Equal((1L, 1L), (kq242.Applicable, kq242.Positive));
        Assert.Contains(report.Warnings, w => w.Id == "RL1004" && w.Case == "A");
    }

    [Fact]
    public void A_standard_with_no_applicable_case_has_no_level_and_then_nothing_is_rated_overall()
    {
        var report = Run("""{"id":"A","case":{"harm_indicators":false},"answers":{}}""", allowMissing: true);
        var all = report.Inspections[0];
        var standard = Assert.Single(all.Standards);
        Assert.Equal((null, null, null, null), (standard.Level, standard.Score, standard.Percent, standard.LimitedBy));
        Assert.Equal((null, null), (all.Overall.Score, all.Overall.Level));
        Assert.Empty(all.Overall.Missing);
    }

    [Fact]
    public void Breakdowns_count_each_group_and_key_question()
    {
        var source = SpecExample.Source + """

            breakdown rosh_level "Risk of serious harm" by case.rosh {
              "Low"            : low
              "Medium"         : medium
              "High/very high" : high, very_high
            }

            breakdown age_group "Age group" by case.age {
              "18-25" : 18 to 25
              "26-55" : 26 to 55
              "56+"   : from 56
            }
            """;
        var model = SpecExample.Compile(source);
        var framework = CompiledFramework.Create(model);
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(Input)), CaseInputFormat.JsonLines, framework.Schema);
        var report = EvaluationRun.Run(reader, framework, InspectorRatings.None);
        var rosh = report.Inspections[0].Breakdowns.Single(b => b.Breakdown == "rosh_level");
        Assert.Equal("Risk of serious harm", rosh.Title);
        var high = rosh.Rows.Single(r => r.Group == "High/very high" && r.Code == "2.4.1");
        Assert.Equal((1L, 1L, 100.0m), (high.N, high.Positive, high.Percent));
        var age = report.Inspections[0].Breakdowns.Single(b => b.Breakdown == "age_group");
        Assert.Equal((1L, 0L), age.Rows.Where(r => r.Group == "18-25" && r.Code == "2.4.1").Select(r => (r.N, r.Positive)).Single());
        Assert.Equal((1L, 1L), age.Rows.Where(r => r.Group == "56+" && r.Code == "2.4.3").Select(r => (r.N, r.Positive)).Single());
        Assert.Equal(9, age.Rows.Length);
    }

    [Fact]
    public void Counts_agree_with_the_reference_interpreter_on_random_cases()
    {
        var framework = CompiledFramework.Create(SpecExample.Model);
        var reference = new ReferenceInterpreter(SpecExample.Model);
        var random = new Random(11);
        var lines = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var answers = string.Join(",", new[] { "2.4.1", "2.4.1.b", "2.4.1.d", "2.4.2", "2.4.3", "2.4.3.a" }
                .Select(code => $"\"{code}\":\"{(random.Next(2) == 0 ? "yes" : "no")}\"")
                .Append($"\"2.4.1.a\":\"{new[] { "yes", "should", "noncompliance" }[random.Next(3)]}\"")
                .Append($"\"2.4.1.c\":\"{new[] { "yes", "should", "none" }[random.Next(3)]}\""));
            lines.Add($"{{\"id\":\"C{i}\",\"inspection\":\"i{i % 3}\",\"case\":{{\"harm_indicators\":{(random.Next(2) == 0 ? "true" : "false")}}},\"answers\":{{{answers}}}}}");
        }

        var text = string.Join("\n", lines);
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), CaseInputFormat.JsonLines, framework.Schema);
        var report = EvaluationRun.Run(reader, framework, InspectorRatings.None, allowMissing: true);

        using var again = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), CaseInputFormat.JsonLines, framework.Schema);
        var evaluations = new List<CaseEvaluation>();
        while (again.MoveNext()) evaluations.Add(reference.Evaluate(framework.Schema.ToAssessment(again.Current), allowMissing: true));
        var kept = evaluations.Where(e => !e.IsRejected).ToList();
        Assert.Equal(kept.Count, report.Input.Evaluated);
        foreach (var question in SpecExample.Model.KeyQuestions)
        {
            var result = report.Inspections[0].KeyQuestions.Single(q => q.Code == question.Code);
            var answered = kept.Select(e => e.AnswerOf(question)).Where(a => a is not null).ToList();
            Assert.Equal(answered.Count, result.Applicable);
            Assert.Equal(answered.Count(a => a!.Outcome == OptionOutcome.Positive), result.Positive);
        }

        foreach (var prompt in SpecExample.Model.Prompts)
        {
            var result = report.Inspections[0].Prompts.Single(p => p.Code == prompt.Code);
            foreach (var option in result.Options)
                Assert.Equal(kept.Count(e => e.AnswerOf(prompt)?.Name == option.Option), option.Count);
        }
    }
}
