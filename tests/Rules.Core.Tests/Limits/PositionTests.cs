using Rules.Core.Syntax;
using Rules.Core.Tests.Support;
using Rules.Core.Text;

namespace Rules.Core.Tests.Limits;

/// <summary>Line and column positions are UTF-16 code units, as editors (LSP) count them.</summary>
public class PositionTests
{
    [Fact]
    public void ColumnsAfterNonBmpCharactersCountTwoUnits()
    {
        // "😀" is one character to a reader but two UTF-16 code units.
        var text = "// 😀😀\nanswers A { yes \"😀 Yes\" positive } %\n";
        var tree = SyntaxTree.Parse(text, "x.rules");
        var d = Assert.Single(tree.Diagnostics);
        var expected = text.IndexOf('%');
        Assert.Equal(expected, d.Location.Span.Start);
        Assert.Equal(new LinePosition(1, text.IndexOf('%') - text.IndexOf('\n') - 1), d.Location.LineSpan.Start);
        Assert.Equal(36, d.Location.LineSpan.Start.Character); // 34 characters before it, the emoji counting two
    }

    [Fact]
    public void CurlyQuotesAreNotStringDelimiters()
    {
        // An author pasting from a word processor: “Yes” is not text in quotes.
        var text = "answers A {\n  yes “Yes” positive\n}\n";
        var tree = SyntaxTree.Parse(text, "x.rules");
        var d = Assert.Single(tree.Diagnostics.Where(d => d.IsError).Take(1));
        Assert.Equal(new LinePosition(1, 6), d.Location.LineSpan.Start);
        Assert.Equal(text, tree.Root.ToString());
    }

    [Fact]
    public void StringsWithNonBmpCharactersKeepLaterColumnsRight()
    {
        var compilation = Support.Rules.Compile(Support.Rules.FrameworkWithStandard.Replace("\"Q\" : YesNo", "\"Q 😀 “quoted”\" : YesNoo"));
        var d = Assert.Single(compilation.Diagnostics, d => d.Id == "RL0103");
        var line = compilation.Model.Trees[0].Text.GetLineText(d.Location.LineSpan.Start.Line);
        Assert.Equal("YesNoo", line.Substring(d.Location.LineSpan.Start.Character, 6));
        Assert.Equal(d.Location.LineSpan.Start.Character + 6, d.Location.LineSpan.End.Character);
    }

    [Theory]
    [InlineData("a\nb", 2, 1, 0)]
    [InlineData("a\r\nb", 3, 1, 0)]
    [InlineData("a\rb", 2, 1, 0)]
    [InlineData("😀x", 2, 0, 2)]
    [InlineData("", 0, 0, 0)]
    public void OffsetsMapToLinesAndBack(string text, int offset, int line, int character)
    {
        var source = new SourceText(text);
        Assert.Equal(new LinePosition(line, character), source.GetLinePosition(offset));
        Assert.Equal(offset, source.GetOffset(new LinePosition(line, character)));
    }
}
