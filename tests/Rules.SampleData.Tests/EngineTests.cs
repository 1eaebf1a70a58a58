using Rules.Engine.Evaluation;
using Rules.Engine.Input;
using Rules.SampleData;

namespace Rules.SampleData.Tests;

/// <summary>The committed samples through the evaluation engine behind <c>rules evaluate</c>.</summary>
public class EngineTests
{
    [Theory]
    [InlineData(SampleFiles.JsonLinesName, 0)]
    [InlineData(SampleFiles.CsvName, 1)]
    public void The_engine_reads_evaluates_and_rejects_what_the_records_were_made_for(string file, int lineOffset)
    {
        var framework = CompiledFramework.Create(Repository.Framework2021);
        using var reader = CaseReader.OpenFile(Path.Combine(Repository.SamplesFolder, file), framework.Schema);
        var report = EvaluationRun.Run(reader, framework, InspectorRatings.None);

        var records = CommittedSamples.Records;
        Assert.Equal(1500, report.Input.Read);
        Assert.Equal(records.Count(r => r.IsRejected), report.Input.Rejected);
        Assert.Equal(8, report.Input.Rejected);

        var rejected = report.Rejected.ToDictionary(r => r.Line, r => r.Errors.Select(e => e.Id).Order(StringComparer.Ordinal).ToArray());
        foreach (var record in records.Where(r => r.IsRejected))
            Assert.Equal(record.Intended.ToArray(), rejected[record.Number + lineOffset]);

        var warnings = report.Warnings.Select(w => (w.Line, w.Id)).Order().ToArray();
        var intended = records.Where(r => !r.IsRejected).SelectMany(r => r.Intended.Select(id => (r.Number + lineOffset, id))).Order().ToArray();
        Assert.Equal(intended, warnings);
    }

    [Fact]
    public void With_the_inspector_ratings_every_inspection_gets_an_overall_rating_and_they_differ()
    {
        var text = File.ReadAllText(Path.Combine(Repository.SamplesFolder, InspectorRatingsFile.Name));
        Assert.Equal(InspectorRatingsFile.Render(Repository.Framework2021), text);
        var ratings = InspectorRatings.Parse(text, Repository.Framework2021, out var problems);
        Assert.Empty(problems);
        var framework = CompiledFramework.Create(Repository.Framework2021);
        using var reader = CaseReader.OpenFile(Path.Combine(Repository.SamplesFolder, SampleFiles.JsonLinesName), framework.Schema);
        var report = EvaluationRun.Run(reader, framework, ratings);
        var overall = report.Inspections.Where(i => i.Inspection != "*").Select(i => i.Overall.Level).ToList();
        Assert.Equal(InspectionPlan.Inspections.Length, overall.Count);
        Assert.All(overall, Assert.NotNull);
        Assert.True(overall.Distinct().Count() >= 3, string.Join(", ", overall));
    }
}
