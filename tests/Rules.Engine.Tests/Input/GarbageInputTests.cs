using System.Text;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

/// <summary>
/// Property-style tests: seeded random garbage never makes a reader throw, and every non-blank
/// line yields exactly one record outcome.
/// </summary>
public sealed class GarbageInputTests
{
    private static readonly string[] JsonFragments =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\"id\"", "\"C-1\"", "\"case\"", "\"answers\"", "\"inspection\"",
        "\"rosh\"", "\"low\"", "\"age\"", "34", "-1e999", "1e400", "true", "false", "null", "\"2.4.1\"", "\"yes\"",
        "\"requirements\"", "[\"rar\"]", "\\", "\\u00", "\\ud800", " ", "\t", "\r", "{\"id\":\"X\"}", "é", "\u2028",
    ];

    private static readonly string[] CsvFragments =
    [
        ",", ";", " ", "C-1", "low", "yes", "34", "true", "rar;unpaid_work", "\t", "\r", "é", "x",
    ];

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_JSONL_garbage_yields_one_outcome_per_non_blank_line(int seed)
    {
        var random = new Random(seed);
        var lines = Enumerable.Range(0, 400).Select(_ => GarbageLine(random, JsonFragments, quotes: true)).ToList();
        var bytes = Join(lines);
        var outcomes = Outcome.ReadAll(bytes, CaseInputFormat.JsonLines, new CaseReaderOptions(MaxLineBytes: 120));
        var expected = NonBlankLineNumbers(bytes);
        Assert.Equal(expected, outcomes.Select(o => o.Line));
        AssertEveryProblemIsComplete(outcomes);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_CSV_garbage_without_quotes_yields_one_outcome_per_non_blank_row(int seed)
    {
        var random = new Random(seed);
        var header = "id,inspection,case.rosh,case.age,case.requirements,2.4.1,2.4.9,case.colour";
        var lines = new List<byte[]> { Encoding.UTF8.GetBytes(header) };
        lines.AddRange(Enumerable.Range(0, 400).Select(_ => GarbageLine(random, CsvFragments, quotes: false)));
        var bytes = Join(lines);
        var outcomes = Outcome.ReadAll(bytes, CaseInputFormat.Csv, new CaseReaderOptions(MaxLineBytes: 120));
        var expected = NonBlankLineNumbers(bytes).Skip(1);
        Assert.Equal(expected, outcomes.Select(o => o.Line));
        AssertEveryProblemIsComplete(outcomes);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_CSV_garbage_with_quotes_never_throws_and_never_loses_a_row(int seed)
    {
        var random = new Random(seed);
        var lines = new List<byte[]> { Encoding.UTF8.GetBytes("id,case.rosh,2.4.1") };
        lines.AddRange(Enumerable.Range(0, 400).Select(_ => GarbageLine(random, [.. CsvFragments, "\"", "\"\""], quotes: true)));
        var bytes = Join(lines);
        var outcomes = Outcome.ReadAll(bytes, CaseInputFormat.Csv, new CaseReaderOptions(MaxLineBytes: 120));
        var nonBlank = NonBlankLineNumbers(bytes).Skip(1).ToList();

        // A quoted cell may join physical lines into one row, so rows start on a subset of the lines.
        Assert.InRange(outcomes.Count, 1, nonBlank.Count);
        Assert.All(outcomes, o => Assert.Contains(o.Line, nonBlank));
        Assert.Equal(outcomes.Select(o => o.Line).Order(), outcomes.Select(o => o.Line));
        AssertEveryProblemIsComplete(outcomes);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(42);
        for (var round = 0; round < 50; round++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            foreach (var format in new[] { CaseInputFormat.JsonLines, CaseInputFormat.Csv })
            {
                var outcomes = Outcome.ReadAll(bytes, format, new CaseReaderOptions(MaxLineBytes: 64));
                if (format == CaseInputFormat.JsonLines && !bytes.AsSpan().StartsWith("\uFEFF"u8))
                    Assert.Equal(NonBlankLineNumbers(bytes), outcomes.Select(o => o.Line));
                AssertEveryProblemIsComplete(outcomes);
            }
        }
    }

    private static void AssertEveryProblemIsComplete(List<Outcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            foreach (var problem in outcome.Problems)
            {
                Assert.Equal(outcome.Line, problem.Line);
                Assert.Equal(outcome.Id, problem.CaseId);
                Assert.Matches("^RL1[01]0[1-6]$", problem.Id);
                Assert.Contains($"line {outcome.Line}", problem.Message, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static byte[] GarbageLine(Random random, string[] fragments, bool quotes)
    {
        var builder = new List<byte>();
        var parts = random.Next(0, 40);
        for (var i = 0; i < parts; i++)
        {
            switch (random.Next(10))
            {
                case 0:
                    builder.Add((byte)random.Next(0x80, 0x100));
                    break;
                case 1:
                    builder.Add((byte)random.Next(0x20, 0x7f));
                    break;
                default:
                    builder.AddRange(Encoding.UTF8.GetBytes(fragments[random.Next(fragments.Length)]));
                    break;
            }
        }

        if (random.Next(20) == 0) builder.AddRange(Enumerable.Repeat((byte)'x', 200));
        builder.RemoveAll(b => b == (byte)'\n' || (!quotes && b == (byte)'"'));
        return [.. builder];
    }

    private static byte[] Join(List<byte[]> lines)
    {
        var all = new List<byte>();
        foreach (var line in lines)
        {
            all.AddRange(line);
            all.Add((byte)'\n');
        }

        return [.. all];
    }

    /// <summary>The 1-based numbers of lines that hold something other than spaces, tabs and CRs.</summary>
    private static List<int> NonBlankLineNumbers(byte[] bytes)
    {
        var result = new List<int>();
        var number = 1;
        var blank = true;
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                if (!blank) result.Add(number);
                number++;
                blank = true;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                blank = false;
            }
        }

        if (!blank) result.Add(number);
        return result;
    }
}
