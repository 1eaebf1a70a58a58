using System.Text;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

/// <summary>Option lookups by UTF-8 bytes find exactly the option with those bytes, short names and long ones.</summary>
public sealed class OptionListTests
{
    [Fact]
    public void Options_are_found_by_their_exact_UTF8_bytes()
    {
        var options = new OptionList(["yes", "no", "none", "noncompliance", "a", "é", "not_involved", "12345678"]);
        foreach (var (name, index) in options.Names.Select((n, i) => (n, i)))
        {
            Assert.Equal(index, options.IndexOfUtf8(Encoding.UTF8.GetBytes(name)));
        }

        Assert.Equal(-1, options.IndexOfUtf8("ye"u8));
        Assert.Equal(-1, options.IndexOfUtf8("yes\0"u8));
        Assert.Equal(-1, options.IndexOfUtf8("a\0"u8));
        Assert.Equal(-1, options.IndexOfUtf8(""u8));
        Assert.Equal(-1, options.IndexOfUtf8("Yes"u8));
        Assert.Equal(-1, options.IndexOfUtf8("noncompliancE"u8));
        Assert.Equal(-1, options.IndexOfUtf8("123456789"u8));
    }

    [Fact]
    public void An_empty_option_list_finds_nothing()
    {
        Assert.Equal(-1, new OptionList([]).IndexOfUtf8("yes"u8));
        Assert.Equal(-1, new OptionList([]).IndexOfUtf8(""u8));
    }
}
