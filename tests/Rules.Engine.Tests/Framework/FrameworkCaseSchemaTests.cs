using System.Text;
using Rules.Core.Evaluation;
using Rules.Engine.Input;
using Rules.Engine.Reports;

namespace Rules.Engine.Tests.Framework;

public sealed class FrameworkCaseSchemaTests
{
    private const string Example = """{"id":"C-0001","inspection":"gwent-2022","case":{"type":"post_release","rosh":"medium","age":34,"harm_indicators":true,"requirements":["rar"]},"answers":{"2.4.1":"yes","2.4.1.a":"yes","2.4.1.b":"no","2.4.1.c":"none","2.4.2":"yes","2.4.3":"no","2.4.3.a":"no"}}""";

    [Fact]
    public void Slots_follow_the_model_fields_and_questions()
    {
        var schema = FrameworkCaseSchema.Create(SpecExample.Model);
        Assert.Equal(["type", "rosh", "reoffending", "age", "harm_indicators", "requirements"], schema.Fields.Select(f => f.Name));
        Assert.Equal([CaseFieldKind.Enum, CaseFieldKind.Enum, CaseFieldKind.Enum, CaseFieldKind.Number, CaseFieldKind.Boolean, CaseFieldKind.Set], schema.Fields.Select(f => f.Kind));
        Assert.Equal(["2.4.1", "2.4.1.a", "2.4.1.b", "2.4.1.c", "2.4.1.d", "2.4.2", "2.4.3", "2.4.3.a"], schema.Answers.Select(a => a.Code));
        Assert.Equal(["yes", "should", "none"], schema.FindAnswer("2.4.1.c")!.Options.Names.ToArray());
        Assert.Same(schema.FindAnswer("2.4.1")!.Options, schema.FindAnswer("2.4.2")!.Options);
        for (var i = 0; i < schema.Answers.Length; i++) Assert.Equal(schema.Answers[i].Code, schema.Questions[i].Code);
        for (var i = 0; i < schema.Fields.Length; i++) Assert.Equal(schema.Fields[i].Name, schema.FieldSymbols[i].Name);
    }

    [Fact]
    public void A_record_read_against_the_framework_is_evaluated_by_the_reference_interpreter()
    {
        var schema = FrameworkCaseSchema.Create(SpecExample.Model);
        using var reader = CaseReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(Example)), CaseInputFormat.JsonLines, schema);
        Assert.True(reader.MoveNext());
        Assert.Empty(reader.Current.Problems);
        var assessment = schema.ToAssessment(reader.Current);
        Assert.Equal("C-0001", assessment.Id);
        Assert.Equal("gwent-2022", assessment.Inspection);
        Assert.Equal(new CaseValue.Text("medium"), assessment.Fields["rosh"]);
        Assert.Equal(new CaseValue.List(["rar"]), assessment.Fields["requirements"]);
        Assert.Equal(new CaseValue.Boolean(true), assessment.Fields["harm_indicators"]);
        Assert.Equal("none", assessment.Answers["2.4.1.c"]);
        Assert.False(assessment.Answers.ContainsKey("2.4.1.d"));

        var evaluation = new ReferenceInterpreter(SpecExample.Model).Evaluate(assessment);
        Assert.False(evaluation.IsRejected, string.Join("\n", evaluation.Problems));
        Assert.False(evaluation.AppliesTo(SpecExample.Model.FindQuestion("2.4.1.d")!));
        Assert.True(evaluation.AppliesTo(SpecExample.Model.FindQuestion("2.4.3")!));
    }

    [Fact]
    public void The_report_scale_comes_from_the_framework()
    {
        var scale = ReportScale.From(SpecExample.Model.Framework!.Scale!);
        Assert.Equal(ReportScale.Standard.Levels.ToArray(), scale.Levels.ToArray());
    }
}
