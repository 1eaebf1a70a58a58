using Rules.Core.Formatting;
using Rules.Core.Syntax;

namespace Rules.Core.Tests.Parsing;

/// <summary>
/// Keywords are contextual, so an option may be called signal, check, test, import or framework. Such an option at
/// the start of a line is still an option; only a line that reads like the declaration (a check's 'when', a test's
/// '{') means the block's '}' was forgotten. (Found by the fuzz test: seed 5, iteration 8098, where formatting moved
/// '{signal "s"' onto a line of its own and the result no longer parsed.)
/// </summary>
public class MemberNamedLikeDeclarationTests
{
    [Theory]
    [InlineData("signal \"Signalled\"")]
    [InlineData("check \"Checked\" positive")]
    [InlineData("test \"Tested\"")]
    [InlineData("import \"Imported\" not_applicable")]
    [InlineData("framework \"Framework\"")]
    public void AnOptionNamedLikeADeclarationAtTheStartOfALineIsAnOption(string option)
    {
        var text = $"answers A {{\n  yes \"Yes\" positive\n  {option}\n  no \"No\"\n}}\n";
        var tree = SyntaxTree.Parse(text, "a.rules");
        Assert.Empty(tree.Diagnostics);
        var answers = Assert.IsType<AnswerSetDeclarationSyntax>(Assert.Single(tree.Root.Declarations));
        Assert.Equal(3, answers.Body.Members.Length);
    }

    [Fact]
    public void NearMiss_ADeclarationAfterAnUnclosedBlockStillClosesIt()
    {
        var text = "answers A {\n  yes \"Yes\" positive\n\nsignal \"s\" when 1.1.1 == yes\ntest \"t\" {\n}\n";
        var tree = SyntaxTree.Parse(text, "a.rules");
        Assert.Equal(3, tree.Root.Declarations.Length);
        Assert.Contains(tree.Diagnostics, d => d.Message.StartsWith("Expected '}'", StringComparison.Ordinal));
    }

    [Fact]
    public void FormattingTheFuzzFindingKeepsItParsing()
    {
        var text = "answers A {signal \"s\"\n  yes \"Yes\" positive\n}\n";
        Assert.Empty(SyntaxTree.Parse(text, "a.rules").Diagnostics);
        var formatted = Formatter.Format(SyntaxTree.Parse(text, "a.rules"))!;
        Assert.Empty(SyntaxTree.Parse(formatted, "a.rules").Diagnostics);
    }
}
