using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests;

public class TestSourceTests
{
    [Fact]
    public void Finds_the_cursor_and_removes_the_marker()
    {
        var source = TestSource.Parse("prompt a \"x\" : Yes$$No");
        Assert.Equal("prompt a \"x\" : YesNo", source.Text);
        Assert.Equal(new Position(0, 18), source.Position);
        Assert.Equal(18, source.CursorOffset);
    }

    [Fact]
    public void Finds_spans_on_several_lines_in_utf16_units()
    {
        var source = TestSource.Parse("a 😀 [|b|]\r\nc [|d$$e|]");
        Assert.Equal("a 😀 b\r\nc de", source.Text);
        Assert.Equal([Range.Create(0, 5, 0, 6), Range.Create(1, 2, 1, 4)], source.Spans.ToArray());
        Assert.Equal(new Position(1, 3), source.Position);
    }

    [Fact]
    public void Rejects_unbalanced_markers()
    {
        Assert.Throws<ArgumentException>(() => TestSource.Parse("a [| b"));
        Assert.Throws<ArgumentException>(() => TestSource.Parse("a |] b"));
        Assert.Throws<ArgumentException>(() => TestSource.Parse("$$a$$"));
        Assert.Throws<InvalidOperationException>(() => TestSource.Parse("no cursor").Position);
    }
}
