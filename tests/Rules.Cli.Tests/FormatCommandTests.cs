namespace Rules.Cli.Tests;

public class FormatCommandTests
{
    private const string Messy = "answers YesNo {\n    yes \"Yes\" positive\n  no \"No\"\n}\n";
    private const string Tidy = "answers YesNo {\n  yes \"Yes\" positive\n  no  \"No\"\n}\n";

    [Fact]
    public void CheckReportsAndChangesNothing()
    {
        using var cli = new CliRunner().With("lib/answers.rules", Messy);
        var (exit, output, _) = cli.Run("fmt", "lib", "--check");
        Assert.Equal(1, exit);
        Assert.Contains("lib/answers.rules: needs formatting", output);
        Assert.Equal(Messy, cli.Read("lib/answers.rules"));
    }

    [Fact]
    public void FormatRewritesThenCheckPasses()
    {
        using var cli = new CliRunner().With("lib/answers.rules", Messy);
        Assert.Equal(0, cli.Run("fmt", "lib").Exit);
        Assert.Equal(Tidy, cli.Read("lib/answers.rules"));
        Assert.Equal(0, cli.Run("fmt", "lib", "--check").Exit);
    }

    [Fact]
    public void FileWithSyntaxErrorsIsLeftAlone()
    {
        const string broken = "answers YesNo {\n  yes \"Yes positive\n}\n";
        using var cli = new CliRunner().With("lib/answers.rules", broken);
        var (exit, output, _) = cli.Run("fmt", "lib");
        Assert.Equal(1, exit);
        Assert.Contains("not formatted: it has syntax errors", output);
        Assert.Equal(broken, cli.Read("lib/answers.rules"));
    }
}
