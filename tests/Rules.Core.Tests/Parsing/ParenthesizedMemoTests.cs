using Rules.Core.Syntax;

namespace Rules.Core.Tests.Parsing;

/// <summary>
/// Parenthesized conditions go through Sprache's Parse.Ref, which memoizes per input position; a
/// memo shared by the whole file once handed the first parenthesized condition's result to later ones.
/// </summary>
public class ParenthesizedMemoTests
{
    [Fact]
    public void EachParenthesizedConditionIsParsedWhereItStands()
    {
        var text = """
            answers YesNo {
              yes "Yes" positive
              no "No"
            }
            check "first" when not (1.1.1 == no)
            check "second" when not (2.2.2 == yes) and 3.3.3 == no
            check "third" when (4.4.4 == no)
            """;
        var tree = SyntaxTree.Parse(text, "memo.rules");
        Assert.Empty(tree.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(text, tree.Root.ToString());
        var conditions = tree.Root.Declarations.OfType<CheckDeclarationSyntax>().Select(c => c.When.Condition.ToString().Trim()).ToList();
        Assert.Equal(["not (1.1.1 == no)", "not (2.2.2 == yes) and 3.3.3 == no", "(4.4.4 == no)"], conditions);
    }
}
