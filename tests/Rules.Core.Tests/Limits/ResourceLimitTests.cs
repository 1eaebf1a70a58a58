using System.Diagnostics;
using System.Text;
using Rules.Core.Formatting;
using Rules.Core.Syntax;
using Rules.Core.Tests.Support;

namespace Rules.Core.Tests.Limits;

/// <summary>
/// Hostile sizes and nesting give RL0003 or parse, but never overflow the stack. Each runs on a
/// thread with the default stack of a secondary thread (1.5 MB), so that recursion proportional to the input would show here.
/// </summary>
public class ResourceLimitTests
{
    private static T OnSmallStack<T>(Func<T> work, int stackSize = 1536 * 1024)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { error = e; }
        }, stackSize); // by default that of a .NET secondary thread on Linux
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "no result within 60 s");
        if (error is not null) throw new Xunit.Sdk.XunitException(error.ToString());
        return result;
    }

    private static void ParsesOrReportsLimit(string text, bool syntaxErrorExpected = false)
    {
        var (roundTrips, ids) = OnSmallStack(() =>
        {
            var tree = SyntaxTree.Parse(text, "big.rules");
            // Everything downstream of the parser walks the tree too.
            var compilation = Support.Rules.Compile(text);
            Formatter.Format(tree);
            return (tree.Root.ToString() == text, compilation.Diagnostics.Select(d => d.Id).ToHashSet());
        });
        Assert.True(roundTrips);
        if (syntaxErrorExpected) Assert.Contains(ids, id => id.StartsWith("RL000", StringComparison.Ordinal));
        else Assert.True(ids.Contains("RL0003") || !ids.Any(id => id.StartsWith("RL000", StringComparison.Ordinal)), string.Join(",", ids));
    }

    [Fact]
    public void HundredThousandNestedParentheses()
    {
        var text = Support.Rules.FrameworkWithStandard + "check \"c\" when " + new string('(', 100_000) + "case.harm" + new string(')', 100_000) + "\n";
        var ids = OnSmallStack(() => SyntaxTree.Parse(text, "x.rules").Diagnostics.Select(d => d.Id).ToList());
        Assert.Contains("RL0003", ids);
        ParsesOrReportsLimit(text);
    }

    [Fact]
    public void NestingLimitIsReachedWithinAOneMegabyteStack()
    {
        // Windows gives every thread, the main one included, 1 MB. The parser's own recursion per
        // bracket must reach the limit (RL0003) well within that.
        var text = "check \"c\" when " + new string('(', 1000) + "case.harm" + new string(')', 1000) + "\n";
        var ids = OnSmallStack(() => SyntaxTree.Parse(text, "x.rules").Diagnostics.Select(d => d.Id).ToList(), 1024 * 1024);
        Assert.Contains("RL0003", ids);
    }

    [Fact]
    public void HundredThousandUnclosedParentheses()
    {
        ParsesOrReportsLimit(Support.Rules.FrameworkWithStandard + "check \"c\" when " + new string('(', 100_000) + "\n");
    }

    [Fact]
    public void HundredThousandNots()
    {
        var nots = string.Concat(Enumerable.Repeat("not ", 100_000));
        ParsesOrReportsLimit(Support.Rules.FrameworkWithStandard + "check \"c\" when " + nots + "case.harm\n");
    }

    [Fact]
    public void TenThousandAnds()
    {
        // 'and' chains build left-deep trees; 10,000 is far past the binder's depth limit.
        var ands = string.Concat(Enumerable.Repeat("case.harm and ", 10_000));
        ParsesOrReportsLimit(Support.Rules.FrameworkWithStandard + "check \"c\" when " + ands + "case.harm\n");
    }

    [Fact]
    public void AlternatingNotsAndParentheses()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 250; i++) builder.Append(string.Concat(Enumerable.Repeat("not ", 200))).Append('(');
        builder.Append("case.harm").Append(')', 250);
        ParsesOrReportsLimit(Support.Rules.FrameworkWithStandard + "check \"c\" when " + builder + "\n");
    }

    [Fact]
    public void DeepButReasonableConditionsStillBind()
    {
        var text = Support.Rules.FrameworkWithStandard + "check \"c\" when " + new string('(', 100) + "case.age > 3" + new string(')', 100)
                   + " and " + string.Concat(Enumerable.Repeat("not ", 100)) + "case.harm\n";
        var compilation = OnSmallStack(() => Support.Rules.Compile(text));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void HundredThousandNestedBraces()
    {
        ParsesOrReportsLimit(Support.Rules.FrameworkWithStandard + "domain 2 \"D\" " + new string('{', 100_000) + new string('}', 100_000) + "\n", syntaxErrorExpected: true);
    }

    [Fact]
    public void TwentyMegabyteFileIsReportedTooLarge()
    {
        var builder = new StringBuilder(21 * 1024 * 1024);
        var line = "answers A { yes \"Yes\" positive }   // padding padding padding padding padding\n";
        while (builder.Length < 20 * 1024 * 1024) builder.Append(line);
        var text = builder.ToString();
        var watch = Stopwatch.StartNew();
        var tree = OnSmallStack(() => SyntaxTree.Parse(text, "big.rules"));
        var d = Assert.Single(tree.Diagnostics);
        Assert.Equal("RL0003", d.Id);
        Assert.Equal(text, tree.Root.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void SeventeenMillionCharactersIsReportedTooLarge()
    {
        var text = new string(' ', 17_000_000 - 1) + "x";
        var tree = SyntaxTree.Parse(text, "big.rules");
        var d = Assert.Single(tree.Diagnostics);
        Assert.Equal("RL0003", d.Id);
        Assert.Contains("17,000,000", d.Message);
        Assert.Equal(new Text.TextSpan(0, 0), d.Location.Span);
    }

    [Fact]
    public void JustUnderTheLimitParses()
    {
        var text = new string(' ', 16 * 1024 * 1024 - 2) + "\n";
        var tree = OnSmallStack(() => SyntaxTree.Parse(text, "big.rules"));
        Assert.Empty(tree.Diagnostics);
    }

    [Fact]
    public void ManyDeclarationsCompileInReasonableTime()
    {
        var builder = new StringBuilder(Support.Rules.Framework).Append("domain 1 \"D\" {\n  standard 1.1 \"S\" {\n    summary \"s\"\n    rated by lowest key_question\n");
        for (var i = 1; i <= 2000; i++)
            builder.Append($"    key_question 1.1.{i} \"Q{i}\" : YesNo\n      when case.age > {i} and 1.1.{Math.Max(1, i - 1)} != no\n");
        builder.Append("  }\n}\n");
        var watch = Stopwatch.StartNew();
        var compilation = OnSmallStack(() => Support.Rules.Compile(builder.ToString()));
        Assert.DoesNotContain(compilation.Diagnostics, d => d.IsError && d.Id != "RL0201");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }
}
