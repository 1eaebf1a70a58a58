using Rules.Core.Syntax;

namespace Rules.Core.Tests.Parsing;

public class ParserSmokeTests
{
    [Fact]
    public void SpecExampleRoundTripsWithoutDiagnostics()
    {
        var text = File.ReadAllText(TestPaths.TestData("spec-example", "example.rules"));
        var tree = SyntaxTree.Parse(text, "example.rules");
        Assert.Equal(text, tree.Root.ToString());
        Assert.Empty(tree.Diagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain(tree.Root.DescendantNodesAndSelf(), n => n is SkippedTokensSyntax);
    }
}
