using Rules.Testing;

namespace Rules.Cli.Tests;

public class CheckCommandTests
{
    [Fact]
    public void CleanFrameworkExitsZero()
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.Framework);
        var (exit, output, _) = cli.Run("check", "fw");
        Assert.Equal(0, exit);
        Assert.Equal("0 errors, 0 warnings in 1 file.\n", output);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void ErrorsArePrintedInEachFormat(string format)
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.WithUnknownOption);
        var (exit, output, _) = cli.Run("check", "fw", "--format", format);
        Assert.Equal(1, exit);
        Snapshot.Verify(output, format);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void ADuplicateSaysWhereTheFirstIs(string format)
    {
        // json: a "related" place; SARIF: a related location, which viewers link to.
        var framework = Samples.Framework.Replace("  no  \"No\"\n", "  no  \"No\"\n  yes \"Yes again\"\n");
        Assert.NotEqual(Samples.Framework, framework);
        using var cli = new CliRunner().With("fw/framework.rules", framework);
        var (exit, output, _) = cli.Run("check", "fw", "--format", format);
        Assert.Equal(1, exit);
        Snapshot.Verify(output, format);
    }

    [Fact]
    public void WarningsAsErrorsFailsOnWarnings()
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.WithUnusedAnswerSet);
        Assert.Equal(0, cli.Run("check", "fw").Exit);
        var (exit, output, _) = cli.Run("check", "fw", "--warnings-as-errors");
        Assert.Equal(1, exit);
        Assert.Contains("warning RL0401", output);
    }

    [Fact]
    public void MissingPathExitsTwo()
    {
        using var cli = new CliRunner();
        var (exit, _, error) = cli.Run("check", "nowhere");
        Assert.Equal(2, exit);
        Assert.Contains("cannot find 'nowhere'", error);
    }

    [Fact]
    public void BadArgumentsExitTwo()
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.Framework);
        Assert.Equal(2, cli.Run("check", "fw", "--format", "yaml").Exit);
        Assert.Equal(2, cli.Run("frobnicate").Exit);
    }

    [Fact]
    public void RulesJsonCanTurnAWarningOff()
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.WithUnusedAnswerSet)
            .With("rules.json", """{"diagnostics": {"RL0401": "off"}}""");
        var (exit, output, _) = cli.Run("check", "fw", "--warnings-as-errors");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("RL0401", output);
    }
}
