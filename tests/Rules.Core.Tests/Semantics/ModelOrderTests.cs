using Rules.Core.Semantics;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Semantics;

/// <summary>The model lists domains and standards by number, whatever files they are written in.</summary>
public class ModelOrderTests
{
    private static string Standard(string code) => $$"""
          standard {{code}} "S{{code}}" {
            not rated
            key_question {{code}}.1 "Q" : YesNo
          }

        """;

    [Fact]
    public void Domains_and_standards_come_in_the_order_of_their_numbers()
    {
        // Files are read in path order: b.rules (domain 2's 2.10 and 2.2) before c.rules (domain 1, then 2.9 and 2.1).
        var compilation = Compile(Framework,
            ("/ws/fw/b.rules", "domain 2 \"Two\" {\n" + Standard("2.10") + Standard("2.2") + "}\n"),
            ("/ws/fw/c.rules", "domain 1 \"One\" {\n" + Standard("1.1") + "}\ndomain 2 \"Two\" {\n" + Standard("2.9") + Standard("2.1") + "}\n"));
        var model = compilation.Model;

        Assert.Equal(["1", "2"], model.Domains.Select(d => d.Name));
        Assert.Equal(["1.1", "2.1", "2.2", "2.9", "2.10"], model.Standards.Select(s => s.Code));
        Assert.Equal(["1.1.1", "2.1.1", "2.2.1", "2.9.1", "2.10.1"], model.Questions.Select(q => q.Code));
        Assert.Equal(["2.1", "2.2", "2.9", "2.10"], model.StandardsOf(model.Domains[1]).Select(s => s.Code));
    }

    [Theory]
    [InlineData("2.9", "2.10", -1)]
    [InlineData("2.1", "2.1.1", -1)]
    [InlineData("10", "9", 1)]
    [InlineData("2.1", "2.1", 0)]
    [InlineData("2.x", "2.1", 1)] // a code with an error after the numbers
    [InlineData("", "1", 1)]
    public void Codes_compare_part_by_part_as_numbers(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(CodeOrder.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(CodeOrder.Compare(b, a)));
    }
}
