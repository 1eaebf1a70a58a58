using Rules.Core.Formatting;
using Rules.Core.Syntax;
using Rules.Testing;

namespace Rules.Core.Tests.Formatting;

/// <summary>Baselines of the formatter's output for messy inputs, which must also be idempotent.</summary>
public class FormatterSnapshotTests
{
    public static TheoryData<string> Files =>
        [.. Directory.EnumerateFiles(TestPaths.TestData("formatting"), "*.rules").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Formats(string name)
    {
        var text = File.ReadAllText(TestPaths.TestData("formatting", name + ".rules")).Replace("\r\n", "\n");
        var tree = SyntaxTree.Parse(text, name + ".rules");
        Assert.Empty(tree.Diagnostics);
        var formatted = Formatter.Format(tree);
        Assert.NotNull(formatted);
        Snapshot.Verify(formatted, name);
        Assert.Equal(formatted, Formatter.Format(SyntaxTree.Parse(formatted, name + ".rules")));
    }

    [Fact]
    public void FileWithSyntaxErrorsIsNotFormatted()
    {
        Assert.Null(Formatter.Format(SyntaxTree.Parse("answers YesNo {\n  yes \"Yes\n}\n", "x.rules")));
    }
}
