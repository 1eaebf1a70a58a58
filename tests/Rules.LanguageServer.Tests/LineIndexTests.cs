using Rules.LanguageServer.Documents;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Tests;

public class LineIndexTests
{
    [Theory]
    [InlineData("", 1)]
    [InlineData("a", 1)]
    [InlineData("a\n", 2)]
    [InlineData("a\r\nb", 2)]
    [InlineData("a\rb\nc\r\n", 4)]
    [InlineData("\n\n", 3)]
    [InlineData("\r\n\r\n", 3)]
    public void Counts_lines_for_every_line_break(string text, int lines) =>
        Assert.Equal(lines, new LineIndex(text).LineCount);

    [Fact]
    public void Maps_offsets_and_positions_both_ways_across_mixed_line_breaks()
    {
        const string text = "ab\r\ncd\nef\rgh";
        var index = new LineIndex(text);
        var expected = new (int Offset, int Line, int Character)[]
        {
            (0, 0, 0), (2, 0, 2), (4, 1, 0), (6, 1, 2), (7, 2, 0), (9, 2, 2), (10, 3, 0), (12, 3, 2),
        };
        foreach (var (offset, line, character) in expected)
        {
            Assert.Equal(new Position(line, character), index.GetPosition(offset));
            Assert.Equal(offset, index.GetOffset(new Position(line, character)));
        }
        Assert.Equal([0, 4, 7, 10], Enumerable.Range(0, 4).Select(index.GetLineStart));
        Assert.Equal([2, 2, 2, 2], Enumerable.Range(0, 4).Select(index.GetLineLength));
    }

    [Fact]
    public void An_offset_between_cr_and_lf_maps_to_the_end_of_its_line()
    {
        var index = new LineIndex("ab\r\ncd");
        Assert.Equal(new Position(0, 2), index.GetPosition(3));
    }

    [Fact]
    public void Non_bmp_characters_count_two_utf16_units_and_curly_quotes_one()
    {
        // “ and ” are single UTF-16 units; 😀 and 𝒳 are surrogate pairs.
        const string text = "prompt a “x😀” : Yes\n𝒳 = 1";
        var index = new LineIndex(text);
        Assert.Equal(new Position(0, 14), index.GetPosition(text.IndexOf(" : ", StringComparison.Ordinal)));
        Assert.Equal(text.IndexOf("Yes", StringComparison.Ordinal), index.GetOffset(new Position(0, 17)));
        Assert.Equal(new Position(1, 2), index.GetPosition(text.IndexOf(" = ", StringComparison.Ordinal)));
        Assert.Equal(20, index.GetLineLength(0));
    }

    [Fact]
    public void Positions_outside_the_text_are_clamped()
    {
        var index = new LineIndex("abc\r\nde");
        Assert.Equal(3, index.GetOffset(new Position(0, 99)));
        Assert.Equal(7, index.GetOffset(new Position(5, 0)));
        Assert.Equal(0, index.GetOffset(new Position(-1, 3)));
        Assert.Equal(5, index.GetOffset(new Position(1, -4)));
        Assert.Equal(new Position(1, 2), index.GetPosition(100));
        Assert.Equal(new Position(0, 0), index.GetPosition(-3));
        Assert.False(index.IsValid(new Position(0, 4)));
        Assert.True(index.IsValid(new Position(1, 2)));
        Assert.Equal((3, 5), index.GetOffsets(Range.Create(1, 0, 0, 3)));
    }

    [Fact]
    public void Unknown_lines_are_argument_errors()
    {
        var index = new LineIndex("a");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => index.GetLineStart(1));
        Assert.Contains("lines 0 to 0", e.Message);
    }
}
