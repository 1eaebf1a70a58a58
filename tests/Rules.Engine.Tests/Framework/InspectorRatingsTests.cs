using System.Text;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Framework;

public sealed class InspectorRatingsTests
{
    private static readonly Lazy<Rules.Core.Semantics.SemanticModel> Model = new(() => SpecExample.Compile(
        SpecExample.Source.Replace("    outstanding          from 3\n    good                 from 2\n", "    outstanding          from 5\n    good                 from 3\n", StringComparison.Ordinal) + """

        domain 1 "Organisational delivery" {
          standard 1.2 "Staff" {
            rated by inspector
          }
          standard 1.3 "Services" {
            not rated
          }
        }
        """));

    private const string Cases = """
        {"id":"A","inspection":"gwent","case":{"harm_indicators":false},"answers":{"2.4.1":"yes","2.4.1.a":"yes","2.4.1.b":"yes","2.4.1.c":"none","2.4.2":"yes"}}
        {"id":"B","inspection":"avon","case":{"harm_indicators":false},"answers":{"2.4.1":"yes","2.4.1.a":"yes","2.4.1.b":"yes","2.4.1.c":"none","2.4.2":"yes"}}
        """;

    [Fact]
    public void Ratings_are_checked_against_the_framework()
    {
        var ratings = InspectorRatings.Parse("""
            { "gwent": { "1.2": "good", "2.4": "good", "9.9": "good", "1.3": "good" },
              "avon": { "1.2": "brilliant" },
              "kent": 3 }
            """, Model.Value, out var problems);
        Assert.Equal("good", ratings.LevelOf("gwent", "1.2"));
        Assert.Null(ratings.LevelOf("avon", "1.2"));
        Assert.Equal(
        [
            "Inspection \"gwent\" rates standard 2.4, which is not rated by inspector.",
            "Inspection \"gwent\" rates standard 9.9, which the framework does not have.",
            "Inspection \"gwent\" rates standard 1.3, which is not rated by inspector.",
            "Inspection \"avon\" gives standard 1.2 the rating \"brilliant\", which is not a level of the scale (outstanding, good, requires_improvement, inadequate).",
            "The ratings for inspection \"kent\" must be an object of standard codes to levels.",
        ], problems.ToArray());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    public void Unreadable_ratings_are_one_problem(string json)
    {
        InspectorRatings.Parse(json, Model.Value, out var problems);
        Assert.Single(problems);
    }

    [Fact]
    public void The_overall_rating_sums_standard_scores_and_names_missing_inspector_ratings()
    {
        var framework = CompiledFramework.Create(Model.Value);
        var ratings = InspectorRatings.Parse("""{ "gwent": { "1.2": "good" } }""", Model.Value, out var problems);
        Assert.Empty(problems);
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(Cases)), CaseInputFormat.JsonLines, framework.Schema);
        var report = EvaluationRun.Run(reader, framework, ratings);
        var gwent = report.Inspections.Single(i => i.Inspection == "gwent");
        Assert.Equal((5, "outstanding"), (gwent.Overall.Score, gwent.Overall.Level));
        var staff = gwent.Standards.Single(s => s.Code == "1.2");
        Assert.Equal(("good", 2, null, null), (staff.Level, staff.Score, staff.Percent, staff.LimitedBy));
        Assert.Null(gwent.Standards.Single(s => s.Code == "1.3").Level);

        var avon = report.Inspections.Single(i => i.Inspection == "avon");
        Assert.Equal((null, null), (avon.Overall.Score, avon.Overall.Level));
        Assert.Equal(["1.2"], avon.Overall.Missing.ToArray());
        var all = report.Inspections.Single(i => i.Inspection == "*");
        Assert.Equal(["1.2"], all.Overall.Missing.ToArray());
    }
}
