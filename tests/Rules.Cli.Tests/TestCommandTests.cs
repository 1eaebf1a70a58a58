namespace Rules.Cli.Tests;

public class TestCommandTests
{
    [Fact]
    public void PassingTestsEndWithTheSummaryLine()
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.Framework);
        var (exit, output, _) = cli.Run("test", "fw");
        Assert.Equal(0, exit);
        Assert.Equal("1 passed, 0 failed", output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void FailedExpectationIsRL0501AtTheExpect()
    {
        var text = Samples.Framework.Replace("expect 2.4.1.b not applicable", "expect 2.4.1.b applicable");
        using var cli = new CliRunner().With("fw/framework.rules", text);
        var (exit, output, _) = cli.Run("test", "fw");
        Assert.Equal(1, exit);
        Assert.Contains("FAIL Recall is asked only after release", output);
        Assert.Contains("fw/framework.rules(39,3): error RL0501: Test \"Recall is asked only after release\": expected 2.4.1.b to apply, but it does not apply", output);
        Assert.Equal("0 passed, 1 failed", output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void FrameworkWithErrorsDoesNotRunItsTests()
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.WithUnknownOption);
        var (exit, output, _) = cli.Run("test", "fw");
        Assert.Equal(1, exit);
        Assert.Contains("error RL0105", output);
        Assert.Equal("0 passed, 1 failed", output.TrimEnd().Split('\n')[^1]);
    }
}
