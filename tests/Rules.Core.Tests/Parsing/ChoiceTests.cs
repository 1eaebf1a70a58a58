using Rules.Core.Parsing;
using Sprache;
using Xunit;

namespace Rules.Core.Tests.Parsing;

/// <summary><see cref="Choice.OrElse{T}"/> stands in for Sprache's Or: the same result, remainder and expectations in
/// every case Or distinguishes (first consumes, first matches nothing, failures at different places and at the same
/// place), and again when the same failures come back.</summary>
public sealed class ChoiceTests
{
    private static readonly Parser<string> Ab = Parse.String("ab").Text();
    private static readonly Parser<string> Ac = Parse.String("ac").Text();
    private static readonly Parser<string> A = Parse.String("a").Text();
    private static readonly Parser<string> Digits = Parse.Digit.AtLeastOnce().Text();
    private static readonly Parser<string> Nothing = Parse.Return("");
    private static readonly Parser<string> Letters = Parse.Letter.Many().Text();
    // Failures with fixed expectations, as the grammar's token primitives give.
    private static readonly string[] ExpectedX = ["'x'", "'y'"];
    private static readonly string[] ExpectedY = ["'y'", "'z'"];
    private static readonly Parser<string> FailX = input => Result.Failure<string>(input, "unexpected", ExpectedX);
    private static readonly Parser<string> FailY = input => Result.Failure<string>(input, "unexpected", ExpectedY);

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        string[] names = ["ab", "ac", "a", "digits", "nothing", "letters", "failX", "failY"];
        string[] inputs = ["ab", "ac", "ax", "7", "", "x", "abc"];
        foreach (var first in names)
            foreach (var second in names)
                foreach (var input in inputs)
                    data.Add(first, second, input);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OrElseGivesWhatOrGives(string first, string second, string input)
    {
        var (a, b) = (ParserNamed(first), ParserNamed(second));
        var expected = a.Or(b);
        var actual = a.OrElse(b);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var want = expected(new Input(input));
            var got = actual(new Input(input));
            Assert.Equal(want.WasSuccessful, got.WasSuccessful);
            Assert.Equal(want.Remainder.Position, got.Remainder.Position);
            if (want.WasSuccessful) Assert.Equal(want.Value, got.Value);
            else
            {
                Assert.Equal(want.Message, got.Message);
                Assert.Equal(want.Expectations.ToArray(), got.Expectations.ToArray());
            }
        }
    }

    [Fact]
    public void NestedChoicesMergeAsNestedOrs()
    {
        var expected = Ab.Or(FailX).Or(A.Then(_ => Digits)).Or(FailY).Or(Digits);
        var actual = Ab.OrElse(FailX).OrElse(A.Then(_ => Digits)).OrElse(FailY).OrElse(Digits);
        foreach (var input in new[] { "x", "a", "ax", "a7", "7", "", "x", "ax" })
        {
            var (want, got) = (expected(new Input(input)), actual(new Input(input)));
            Assert.Equal(want.WasSuccessful, got.WasSuccessful);
            Assert.Equal(want.Remainder.Position, got.Remainder.Position);
            Assert.Equal(want.Expectations.ToArray(), got.Expectations.ToArray());
        }
    }

    private static Parser<string> ParserNamed(string name) => name switch
    {
        "ab" => Ab,
        "ac" => Ac,
        "a" => A,
        "digits" => Digits,
        "nothing" => Nothing,
        "failX" => FailX,
        "failY" => FailY,
        _ => Letters,
    };
}
