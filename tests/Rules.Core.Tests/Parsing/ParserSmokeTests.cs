using System.Collections.Immutable;
using Rules.Core.Evaluation;
using Rules.Core.Formatting;
using Rules.Core.Syntax;
using Rules.Core.Testing;
using Rules.Core.Tests.Support;
using Rules.Core.Workspace;

namespace Rules.Core.Tests.Parsing;

/// <summary>The LANGUAGE.md example: parses, checks clean, its test passes, and it behaves as described.</summary>
public class ParserSmokeTests
{
    private static readonly string Text = File.ReadAllText(TestPaths.TestData("spec-example", "example.rules"));

    private static FrameworkCompilation Compile() =>
        new RulesWorkspace(Support.Rules.FileSystem(("/ws/example/example.rules", Text))).CompileAll("/ws").Single();

    [Fact]
    public void SpecExampleRoundTripsWithoutDiagnostics()
    {
        var tree = SyntaxTree.Parse(Text, "example.rules");
        Assert.Equal(Text, tree.Root.ToString());
        Assert.Empty(tree.Diagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain(tree.Root.DescendantNodesAndSelf(), n => n is SkippedTokensSyntax);
    }

    [Fact]
    public void SpecExampleChecksCleanAndItsTestPasses()
    {
        var compilation = Compile();
        DiagnosticAssert.Clean(compilation);
        Assert.False(compilation.Project.IsLibrary);
        var result = Assert.Single(TestRunner.Run(compilation.Model));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
    }

    [Fact]
    public void SpecExampleFormats()
    {
        var formatted = Formatter.Format(SyntaxTree.Parse(Text, "example.rules"));
        Assert.NotNull(formatted);
        Rules.Testing.Snapshot.Verify(formatted);
    }

    [Fact]
    public void SpecExampleModel()
    {
        var model = Compile().Model;
        Assert.Equal("2021.2", model.Framework!.Version);
        Assert.Equal(["outstanding", "good", "requires_improvement", "inadequate"], model.Framework.Scale!.Levels.Select(l => l.Name));
        Assert.Equal([80m, 65m, 50m, 0m], model.Framework.Scale.Levels.Select(l => l.Bound));
        Assert.Equal(["2.4.1", "2.4.1.a", "2.4.1.b", "2.4.1.c", "2.4.1.d", "2.4.2", "2.4.3", "2.4.3.a"], model.Questions.Select(q => q.Code));
        Assert.Equal("Inspectors look for active management that gives priority to victim safety.", model.FindQuestion("2.4.3")!.Guidance?.Trim());
        Assert.Equal(["rosh_level", "age_group"], model.Breakdowns.Select(b => b.Name));
        var ages = model.Breakdowns[1].Groups;
        Assert.Equal(56, ages[^1].Low);
        Assert.Null(ages[^1].High);
    }

    [Fact]
    public void SpecExampleBehavesAsDescribed()
    {
        var model = Compile().Model;
        var interpreter = new ReferenceInterpreter(model);
        CaseEvaluation Evaluate(bool harm, params (string Code, string Option)[] answers) => interpreter.Evaluate(new CaseAssessment(
            "c", "i",
            ImmutableDictionary<string, CaseValue>.Empty
                .Add("type", new CaseValue.Text("community")).Add("harm_indicators", new CaseValue.Boolean(harm)),
            answers.ToDictionary(a => a.Code, a => a.Option).ToImmutableDictionary()));

        // 2.4.3 applies only with harm indicators; 2.4.1.d only when 2.4.1.c is not 'none'.
        var withHarm = Evaluate(true, ("2.4.1", "yes"), ("2.4.1.a", "should"), ("2.4.1.b", "no"), ("2.4.1.c", "should"), ("2.4.1.d", "no"),
            ("2.4.2", "no"), ("2.4.3", "yes"), ("2.4.3.a", "yes"));
        Assert.False(withHarm.IsRejected);
        Assert.True(withHarm.AppliesTo(model.FindQuestion("2.4.1.d")!));
        Assert.True(withHarm.AppliesTo(model.FindQuestion("2.4.3.a")!));
        // 2.4.1 judged yes with no positive prompt raises the signal.
        Assert.Equal("Judged effective although no prompt was answered positively", Assert.Single(withHarm.RaisedSignals).Message);
    }
}
