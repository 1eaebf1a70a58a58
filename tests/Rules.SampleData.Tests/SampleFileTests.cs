using Rules.Core.Evaluation;
using Rules.Core.Semantics;
using Rules.SampleData;

namespace Rules.SampleData.Tests;

/// <summary>What the committed cases.jsonl and cases.csv hold, read back independently.</summary>
public class SampleFileTests
{
    private static SemanticModel Model => Repository.Framework2021;

    /// <summary>The ids each line reports: reading problems, duplicate ids, then the interpreter's.</summary>
    private static List<(int Line, string? Id, List<string> Ids)> Outcomes(List<ReadRecord> records)
    {
        var interpreter = new ReferenceInterpreter(Model);
        var seen = new HashSet<string>();
        var outcomes = new List<(int, string?, List<string>)>();
        foreach (var record in records)
        {
            if (record.Assessment is null)
            {
                outcomes.Add((record.Line, null, ["RL1001"]));
                continue;
            }
            if (!seen.Add(record.Assessment.Id))
            {
                outcomes.Add((record.Line, record.Assessment.Id, ["RL1006"]));
                continue;
            }
            var ids = interpreter.Evaluate(record.Assessment).Problems.Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
            outcomes.Add((record.Line, record.Assessment.Id, ids));
        }
        return outcomes;
    }

    [Fact]
    public void Every_line_reports_exactly_what_it_was_made_to_report()
    {
        var outcomes = Outcomes(InputReader.ReadJsonLines(CommittedSamples.Jsonl));
        var records = CommittedSamples.Records;
        Assert.Equal(records.Count, outcomes.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(records[i].Number, outcomes[i].Line);
            Assert.True(records[i].Intended.SequenceEqual(outcomes[i].Ids),
                $"line {outcomes[i].Line} ({records[i].Purpose}): expected [{string.Join(", ", records[i].Intended)}], got [{string.Join(", ", outcomes[i].Ids)}]");
        }
    }

    [Fact]
    public void The_file_has_about_1500_cases_and_each_kind_of_rejection_and_warning()
    {
        var outcomes = Outcomes(InputReader.ReadJsonLines(CommittedSamples.Jsonl));
        Assert.Equal(1500, outcomes.Count);
        var byId = outcomes.SelectMany(o => o.Ids).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        foreach (var id in new[] { "RL1001", "RL1002", "RL1003", "RL1004", "RL1005", "RL1006", "RL1101", "RL1102", "RL1103" })
            Assert.True(byId.ContainsKey(id), $"no record shows {id}");
        Assert.Equal(2, byId["RL1001"]);
        Assert.Equal(2, byId["RL1003"]);
        Assert.InRange(outcomes.Count(o => o.Ids.Any(id => string.CompareOrdinal(id, "RL1100") < 0)), 6, 12);
    }

    [Fact]
    public void The_csv_twin_holds_the_same_cases()
    {
        var json = InputReader.ReadJsonLines(CommittedSamples.Jsonl);
        var csv = InputReader.ReadCsv(CommittedSamples.Csv, Model);
        Assert.Equal(json.Count, csv.Count);
        for (var i = 0; i < json.Count; i++)
        {
            Assert.Equal(json[i].Line + 1, csv[i].Line);
            Assert.Equal(json[i].Unreadable is null, csv[i].Unreadable is null);
            if (json[i].Assessment is not { } a) continue;
            var b = csv[i].Assessment!;
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.Inspection, b.Inspection);
            Assert.Equal(a.Answers.OrderBy(x => x.Key), b.Answers.OrderBy(x => x.Key));
            Assert.Equal(a.Fields.OrderBy(x => x.Key), b.Fields.OrderBy(x => x.Key));
        }
        Assert.Equal(Outcomes(json).Select(o => string.Join(",", o.Ids)), Outcomes(csv).Select(o => string.Join(",", o.Ids)));
    }

    [Fact]
    public void The_csv_header_names_every_field_and_code_in_framework_order()
    {
        var header = InputReader.ParseCsv(CommittedSamples.Csv)[0];
        Assert.Equal(["id", "inspection"], header.Take(2));
        var fields = Model.CaseFields.Select(f => "case." + f.Name).ToList();
        Assert.Equal(fields, header.Skip(2).Take(fields.Count));
        var codes = FrameworkOrder.Questions(Model).Select(q => q.Code).ToList();
        Assert.Equal(codes, header.Where(h => Model.FindQuestion(h) is not null));
    }

    [Fact]
    public void Every_conditional_item_applies_to_some_case_and_not_to_another()
    {
        var evaluated = CommittedSamples.Evaluated;
        foreach (var item in Model.Questions.Cast<RoutedSymbol>().Concat(Model.Standards).Where(i => i.ConditionChain().Any()))
        {
            Assert.True(evaluated.Any(e => e.AppliesTo(item)), $"{item.Code} never applies");
            Assert.True(evaluated.Any(e => !e.AppliesTo(item)), $"{item.Code} always applies");
        }
    }

    [Fact]
    public void Every_option_of_every_item_is_chosen_somewhere()
    {
        var evaluated = CommittedSamples.Evaluated;
        foreach (var question in Model.Questions.Where(q => q.AnswerSet is not null))
        foreach (var option in question.AnswerSet!.Options)
            Assert.True(evaluated.Any(e => e.AnswerOf(question) == option), $"{question.Code} is never answered '{option.Name}'");
    }

    [Fact]
    public void Percentages_resemble_the_published_ones_and_ratings_differ_between_inspections()
    {
        var evaluated = CommittedSamples.Evaluated;
        var scale = Model.Framework!.Scale!;
        foreach (var keyQuestion in Model.KeyQuestions.Where(k => k.Standard.Domain.Name == "2"))
        {
            var (applicable, positive) = Count(evaluated, keyQuestion);
            var percent = 100.0 * positive / applicable;
            if (AnswerSampler.IsSafety(keyQuestion.Text)) Assert.InRange(percent, 30, 62);
            else Assert.InRange(percent, 50, 75);
        }
        var levels = new HashSet<string>();
        foreach (var inspection in evaluated.GroupBy(e => e.Case.Inspection))
        foreach (var standard in Model.Standards.Where(s => s.Rating == Rules.Core.Syntax.RatingMethod.LowestKeyQuestion))
        {
            var lowest = standard.KeyQuestions.Select(k => Count(inspection, k)).Where(c => c.Applicable > 0)
                .MinBy(c => (double)c.Positive / c.Applicable);
            levels.Add(scale.Levels.First(l => lowest.Positive * 100m >= l.Bound * lowest.Applicable).Name);
        }
        Assert.Contains("good", levels);
        Assert.Contains("requires_improvement", levels);
        Assert.Contains("inadequate", levels);
    }

    private static (int Applicable, int Positive) Count(IEnumerable<CaseEvaluation> cases, KeyQuestionSymbol keyQuestion)
    {
        int applicable = 0, positive = 0;
        foreach (var e in cases)
        {
            if (!e.AppliesTo(keyQuestion)) continue;
            applicable++;
            if (e.AnswerOf(keyQuestion)?.Outcome == OptionOutcome.Positive) positive++;
        }
        return (applicable, positive);
    }
}
