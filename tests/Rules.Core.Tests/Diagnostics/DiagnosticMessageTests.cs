using System.Diagnostics;
using Rules.Core.Syntax;
using Rules.Core.Tests.Support;
using static Rules.Core.Tests.Support.Rules;

namespace Rules.Core.Tests.Diagnostics;

/// <summary>Wording of messages: full sentences that read naturally and name the thing at fault.</summary>
public class DiagnosticMessageTests
{
    [Fact]
    public void UnexpectedCharacterReadsNaturally()
    {
        var tree = SyntaxTree.Parse("@@@ garbage\n", "x.rules");
        var d = Assert.Single(tree.Diagnostics);
        Assert.StartsWith("Unexpected character '@' at the top level", d.Message);
    }

    [Fact]
    public void UnknownOptionWithoutANearOneListsTheOptions()
    {
        var compilation = Compile(FrameworkWithStandard + "check \"c\" when 1.1.1.a == maybe\n");
        var d = Assert.Single(compilation.Diagnostics, d => d.Id == "RL0105");
        Assert.Equal("Prompt 1.1.1.a has no option 'maybe'; its options are yes and no.", d.Message);
        Assert.Null(d.Suggestion);
    }

    /// <summary>Each case edits the sample framework: <c>find</c> replaced by <c>replace</c>, or <c>replace</c> added when <c>find</c> is empty.</summary>
    [Theory]
    [InlineData("", "check \"c\" when case.postcode == 1\n", "RL0104", "The case has no field 'postcode'; its fields are age, harm, type and reqs.")]
    [InlineData("", "check \"c\" when case.agee > 1\n", "RL0104", "The case has no field 'agee'; did you mean 'age'?")]
    [InlineData("prompt b \"B\" : YesNo", "prompt b \"B\" : Frequency", "RL0103", "There is no answer set called 'Frequency'; the answer set is YesNo.")]
    [InlineData("    good from 1\n", "    excellent from 1\n", "RL0105", "Scale 'Rating' has no level 'excellent'; its levels are good and poor.")]
    [InlineData("", "check \"c\" when any(1.1.1.* == maybe)\n", "RL0105", "No prompt of key question 1.1.1 has an option 'maybe'; their options are yes and no.")] // before: "has no option"
    public void UnknownNamesAreAnsweredWithTheNearestOrTheFewThereAre(string find, string replace, string id, string message)
    {
        var text = find.Length == 0 ? FrameworkWithStandard + replace : FrameworkWithStandard.Replace(find, replace);
        Assert.NotEqual(FrameworkWithStandard, text);
        Assert.Equal(message, Assert.Single(Compile(text).Diagnostics, d => d.Id == id).Message);
    }

    [Fact]
    public void UnknownOptionAmongManyEndsWithAFullStop()
    {
        var options = string.Concat(Enumerable.Range(1, 9).Select(i => $"  option{i} \"Option {i}\"\n"));
        var compilation = Compile(FrameworkWithStandard.Replace("answers YesNo {", "answers Many {\n" + options + "}\n\nanswers YesNo {")
            .Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : Many") + "check \"c\" when 1.1.1.b == maybe\n");
        var d = Assert.Single(compilation.Diagnostics, d => d.Id == "RL0105");
        Assert.Equal("Prompt 1.1.1.b has no option 'maybe'.", d.Message);
    }

    [Fact]
    public void AlwaysHoldsNamesTheItemInLowerCase()
    {
        var compilation = Compile(FrameworkWithStandard.Replace("prompt b \"B\" : YesNo", "prompt b \"B\" : YesNo\n        when true"));
        var d = Assert.Single(compilation.Diagnostics, d => d.Id == "RL0203");
        Assert.Equal("The condition of prompt 1.1.1.b always holds; remove it or correct it.", d.Message);
    }

    [Fact]
    public void EveryMessageIsASentence()
    {
        var files = Directory.EnumerateFiles(TestPaths.TestData("diagnostics"), "*.rules")
            .Select(f => ($"/ws/{Path.GetFileNameWithoutExtension(f)}/x.rules", File.ReadAllText(f))).ToArray();
        var all = AllDiagnostics(CompileAll(files));
        Assert.NotEmpty(all);
        Assert.All(all, d =>
        {
            Assert.Matches("^[A-Z']", d.Message);
            Assert.Matches("[.?]$", d.Message);
            Assert.DoesNotContain("\n", d.Message);
        });
    }

    [Fact]
    public void VeryLongUnknownNamesAreReportedQuickly()
    {
        var longName = new string('x', 200_000);
        var otherName = new string('y', 200_000);
        var text = FrameworkWithStandard.Replace("key_question 1.1.1 \"Q\" : YesNo", "key_question 1.1.1 \"Q\" : " + longName)
                   + $"answers {otherName} {{\n  yes \"Yes\" positive\n}}\n";
        var watch = Stopwatch.StartNew();
        var compilation = Compile(text);
        Assert.Contains(compilation.Diagnostics, d => d.Id == "RL0103");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
