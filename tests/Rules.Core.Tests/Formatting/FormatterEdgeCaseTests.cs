using Rules.Core.Formatting;
using Rules.Core.Syntax;

namespace Rules.Core.Tests.Formatting;

/// <summary>Inputs found by the fuzz test, and other edges of the formatter.</summary>
public class FormatterEdgeCaseTests
{
    [Theory]
    [InlineData("answers A {\n}\n", "answers A {\n}\n")]
    [InlineData("scale S {}\n", "scale S {\n}\n")]
    [InlineData("case {\n}\n", "case {\n}\n")]
    [InlineData("breakdown b \"B\" by case.x {\n}\n", "breakdown b \"B\" by case.x {\n}\n")]
    [InlineData("framework \"F\" {\n  overall {\n  }\n}\n", "framework \"F\" {\n  overall {\n  }\n}\n")]
    public void EmptyAlignedBlocksFormat(string input, string expected)
    {
        var formatted = Formatter.Format(SyntaxTree.Parse(input, "x.rules"));
        Assert.Equal(expected, formatted);
    }
}
