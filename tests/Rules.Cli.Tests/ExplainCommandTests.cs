using System.Text.Json;

namespace Rules.Cli.Tests;

public class ExplainCommandTests
{
    private const string Cases = EvaluateCommandTests.Cases
        + """{"id":"C-4","inspection":"south","case":{"type":"community"},"answers":{"2.4.1":"yes","2.4.1.a":"maybe","2.4.1.b":"yes"}}""" + "\n";

    private static CliRunner Cli() => new CliRunner().With("fw/framework.rules", EvaluateCommandTests.Framework).With("cases.jsonl", Cases);

    [Fact]
    public void ConditionThatDoesNotHoldNamesTheValueItSaw()
    {
        using var cli = Cli();
        var (exit, output, error) = cli.Run("explain", "fw", "--cases", "cases.jsonl", "--id", "C-1");
        Assert.True(exit == 0, error);
        Assert.Contains("2.4.1.b does not apply: its condition case.type == post_release does not hold, because the case's type of case (case.type) is community.", output);
        Assert.Contains("Answer: 'yes' (Yes): positive", output);
    }

    [Fact]
    public void FieldsAreNamedInTheirAuthorsWords()
    {
        // A yes/no field's label is a statement, quoted as written; an acronym in a label keeps its capitals.
        var framework = EvaluateCommandTests.Framework
            .Replace("type \"Type of case\" : community | post_release", "type \"Type of case\" : community | post_release\n  harm \"There are indicators of risk of harm\" : boolean\n  band \"OGRS band\" : low | high")
            .Replace("prompt a \"Do the requirements start promptly?\" : YesNo", "prompt a \"Do the requirements start promptly?\" : YesNo\n        when case.harm\n      prompt c \"C\" : YesNo\n        when case.band == high");
        using var cli = new CliRunner().With("fw/framework.rules", framework).With("cases.jsonl",
            """{"id":"C-9","inspection":"north","case":{"type":"community","harm":true,"band":"low"},"answers":{"2.4.1":"yes","2.4.1.a":"yes","2.4.1.b":"yes"}}""" + "\n");
        var (exit, output, error) = cli.Run("explain", "fw", "--cases", "cases.jsonl", "--id", "C-9");
        Assert.True(exit == 0, error + output);
        Assert.Contains("because \"There are indicators of risk of harm\" (case.harm) is yes (true).", output);
        Assert.Contains("because the case's OGRS band (case.band) is low.", output);
    }

    [Fact]
    public void TextExplanation()
    {
        using var cli = Cli();
        var (exit, output, error) = cli.Run("explain", "fw", "--cases", "cases.jsonl", "--id", "C-2");
        Assert.True(exit == 0, error);
        Rules.Testing.Snapshot.Verify(output);
    }

    [Fact]
    public void RejectedCaseListsEveryProblem()
    {
        using var cli = Cli();
        var (exit, output, _) = cli.Run("explain", "fw", "--cases", "cases.jsonl", "--id", "C-4");
        Assert.Equal(0, exit);
        Assert.Contains("rejected", output.Split('\n')[0]);
        Assert.Contains("RL1003", output);
        Assert.Contains("RL1102", output);
        Assert.Contains("Answer: 'yes' (Yes): ignored: the item does not apply", output);
    }

    [Fact]
    public void JsonExplanation()
    {
        using var cli = Cli();
        var (exit, output, _) = cli.Run("explain", "fw", "--cases", "cases.jsonl", "--id", "C-2", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("C-2", doc.RootElement.GetProperty("caseId").GetString());
        var b = doc.RootElement.GetProperty("items").EnumerateArray().First(i => i.GetProperty("code").GetString() == "2.4.1.b");
        Assert.True(b.GetProperty("applies").GetBoolean());
        Assert.Equal("negative", b.GetProperty("answer").GetProperty("outcome").GetString());
    }

    [Fact]
    public void UnknownIdExitsOneAndSaysSo()
    {
        using var cli = Cli();
        var (exit, _, error) = cli.Run("explain", "fw", "--cases", "cases.jsonl", "--id", "C-99");
        Assert.Equal(1, exit);
        Assert.Contains("no case with id 'C-99' in 'cases.jsonl'.", error);
    }

    [Fact]
    public void AnIdWithASlipSuggestsTheNearestId()
    {
        using var cli = Cli();
        var (exit, _, error) = cli.Run("explain", "fw", "--cases", "cases.jsonl", "--id", "c-2");
        Assert.Equal(1, exit);
        Assert.Contains("no case with id 'c-2' in 'cases.jsonl'; did you mean 'C-2'?", error);
    }

    [Fact]
    public void UnreadableInputExitsTwo()
    {
        using var cli = Cli();
        Assert.Equal(2, cli.Run("explain", "fw", "--cases", "absent.jsonl", "--id", "C-1").Exit);
        Assert.Equal(2, cli.Run("explain", "fw", "--cases", "cases.jsonl").Exit);
    }
}
