using Rules.Core.Syntax;
using Rules.Core.Tests.Support;

namespace Rules.Core.Tests.Parsing;

public class ParenthesesTests
{
    [Theory]
    [InlineData("check \"c\" when ((case.harm))\n")]
    [InlineData("check \"c\" when (case.harm) and (case.age > 3)\n")]
    [InlineData("check \"c\" when (case.harm)\ncheck \"d\" when (case.age > 3 or (case.age < 1))\n")]
    public void NestedAndRepeatedParenthesesParseClean(string checks)
    {
        var text = Support.Rules.FrameworkWithStandard + checks;
        var tree = SyntaxTree.Parse(text, "x.rules");
        Assert.Equal(text, tree.Root.ToString());
        Assert.Empty(tree.Diagnostics);
        var parens = tree.Root.DescendantNodesAndSelf().OfType<ParenthesizedExpressionSyntax>().Select(p => p.ToString().Trim()).ToList();
        Assert.Equal(checks.Count(c => c == '('), parens.Count);
        Assert.All(parens, p => Assert.Equal(p.Count(c => c == '('), p.Count(c => c == ')')));
    }
}
