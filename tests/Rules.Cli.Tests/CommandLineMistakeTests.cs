namespace Rules.Cli.Tests;

/// <summary>A mistyped command or option gets one line saying what is wrong (exit 2), not the parser's list.</summary>
public class CommandLineMistakeTests
{
    [Theory]
    [InlineData(new[] { "chek", "fw" }, "rules: 'chek' is not a command; did you mean 'check'? The commands are check, test, fmt, evaluate, explain, lsp.")]
    [InlineData(new[] { "frobnicate" }, "rules: 'frobnicate' is not a command; the commands are check, test, fmt, evaluate, explain, lsp.")]
    [InlineData(new string[0], "rules: no command given; the commands are check, test, fmt, evaluate, explain, lsp.")]
    [InlineData(new[] { "check", "--bogus", "fw" }, "rules: '--bogus' is not an option of 'check'; see 'rules check --help'.")]
    [InlineData(new[] { "fmt", "--chek", "fw" }, "rules: '--chek' is not an option of 'fmt'; see 'rules fmt --help'.")]
    public void AMistakeIsOneLineAndExitTwo(string[] args, string expected)
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.Framework);
        var (exit, output, error) = cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(expected, error.Split('\n')[0]);
    }

    [Fact]
    public void NearMiss_HelpAndAKnownCommandRun()
    {
        using var cli = new CliRunner().With("fw/framework.rules", Samples.Framework);
        Assert.Equal(0, cli.Run("--help").Exit);
        Assert.Equal(0, cli.Run("check", "fw").Exit);
    }
}
