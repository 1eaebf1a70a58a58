using System.Text;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

/// <summary>Names are found by their exact UTF-8 bytes, short (by integer) and long (by hash), and nothing else is.</summary>
public sealed class Utf8NameTableTests
{
    [Fact]
    public void Every_name_is_found_exactly_and_near_misses_are_not()
    {
        string[] names = ["2.4.1", "2.4.1.a", "2.4.1.10", "1.2.10", "age", "harm_indicators", "a", "é", "sentence_months", "2.4.1.ab"];
        var table = new Utf8NameTable<string>(names.Select(n => (n, "value of " + n)));
        foreach (var name in names)
        {
            var bytes = Encoding.UTF8.GetBytes(name);
            Assert.Equal("value of " + name, table.FindFast(bytes));
            Assert.Equal("value of " + name, table.Find(bytes));
        }

        foreach (var miss in new[] { "", "2.4.1.", "2.4.1.b", "2.4.1.a\0", "a\0", "Age", "harm_indicator", "harm_indicatorss", "2.4.1.10 ", "ée" })
        {
            var bytes = Encoding.UTF8.GetBytes(miss);
            Assert.Null(table.FindFast(bytes));
            Assert.Null(table.Find(bytes));
        }
    }

    [Fact]
    public void A_repeated_name_keeps_its_first_value()
    {
        var table = new Utf8NameTable<string>([("yes", "first"), ("no", "other"), ("yes", "second")]);
        Assert.Equal("first", table.FindFast("yes"u8));
        Assert.Equal("first", table.Find("yes"u8));
    }

    [Fact]
    public void Many_names_are_all_found()
    {
        var names = Enumerable.Range(0, 2000).Select(i => $"{i / 100}.{i % 10}.{i}").ToList();
        var table = new Utf8NameTable<string>(names.Select(n => (n, n)));
        foreach (var name in names) Assert.Equal(name, table.FindFast(Encoding.UTF8.GetBytes(name)));
        Assert.Null(table.FindFast("9.9.9999"u8));
    }
}
