using Rules.Core.Syntax;

namespace Rules.Core.Tests.Parsing;

/// <summary>
/// Tokens are values in a per-file table and nodes keep no list of children (Children is made from the typed parts):
/// the tree must still read as one tree, whichever way it is walked.
/// </summary>
public class TreeShapeTests
{
    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(TestPaths.RepositoryRoot(), "rules");
        foreach (var file in Directory.EnumerateFiles(root, "*.rules", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, file));
        data.Add(Path.Combine("..", "tests", "Rules.Core.Tests", "TestData", "spec-example", "example.rules"));
        return data;
    }

    // With syntax errors: recovery adds missing tokens (after the file's own in the table) and skipped tokens.
    private const string Broken = """
        answers YesNo {
          yes "Yes" positive
          no "No"
        }
        domain 1 "D" {
          standard 1.1 "S" {
            key_question 1.1.1 "Q" YesNo {
              prompt a "P" : YesNo when 1.1.1 == = yes
            }
          }
        """;

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void EveryWayOfWalkingTheTreeAgrees(string file)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot(), "rules", file);
        AssertConsistent(SyntaxTree.Parse(File.ReadAllText(path), path));
    }

    [Fact]
    public void ATreeWithRecoveryAgreesToo()
    {
        var tree = SyntaxTree.Parse(Broken, "broken.rules");
        Assert.NotEmpty(tree.Diagnostics);
        Assert.Contains(tree.Root.Tokens(), t => t.IsMissing);
        AssertConsistent(tree);
    }

    private static void AssertConsistent(SyntaxTree tree)
    {
        Assert.Equal(tree.Text.Text, tree.Root.ToString());
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            var children = node.Children;
            Assert.DoesNotContain(children, c => c.IsDefault);
            foreach (var child in children) Assert.Same(node, child.Parent); // a token's parent is the node that lists it
            var tokens = node.Tokens().ToList();
            Assert.Equal(tokens, children.SelectMany(c => c.AsNode()?.Tokens() ?? [c.AsToken()]));
            if (tokens.Count == 0) continue;
            Assert.Equal(tokens[0], node.FirstToken());
            Assert.Equal(tokens[^1], node.LastToken());
            Assert.Equal(tokens[0].Position, node.FullSpan.Start + tokens[0].LeadingTrivia.Sum(t => t.Text.Length));
            Assert.Equal(Text(tokens), node.ToString());
        }
    }

    private static string Text(IEnumerable<SyntaxToken> tokens) =>
        string.Concat(tokens.Select(t => string.Concat(t.LeadingTrivia.Select(x => x.Text)) + t.Text + string.Concat(t.TrailingTrivia.Select(x => x.Text))));

    [Fact]
    public void ATokenReadTwiceIsTheSameToken()
    {
        var text = "answers YesNo {\n  yes \"Yes\" positive\n  no \"No\"\n}\n";
        var tree = SyntaxTree.Parse(text);
        var set = Assert.IsType<AnswerSetDeclarationSyntax>(tree.Root.Declarations[0]);
        Assert.Equal(set.Name, tree.Root.FindToken(text.IndexOf("YesNo", StringComparison.Ordinal)));
        Assert.True(set.Name == set.Children[1].AsToken());
        Assert.NotEqual(set.Name, SyntaxTree.Parse(text).Root.FindToken(set.Name.Position));
        Assert.Same(set, set.Name.Parent);
        Assert.Equal(set.Name.GetHashCode(), set.Children[1].AsToken().GetHashCode());
    }

    [Fact]
    public void AnOptionalTokenNotWrittenIsNone()
    {
        // Sprache's GetOrDefault would give default(SyntaxToken) for an absent token, which is not null.
        var tree = SyntaxTree.Parse("answers YesNo {\n  yes \"Yes\" positive\n  no \"No\"\n}\n");
        var options = ((AnswerSetDeclarationSyntax)tree.Root.Declarations[0]).Body.Members.Cast<AnswerOptionSyntax>().ToList();
        Assert.Equal("positive", options[0].Outcome?.Text);
        Assert.Null(options[1].Outcome);
        Assert.Equal(2, options[1].Children.Length);
    }

    [Fact]
    public void ParentsFirstAskedForOnSeveralThreadsAtOnceAgree()
    {
        // A token's parent is found by one walk of the tree, the first time any is asked for (a check never asks).
        var path = Path.Combine(TestPaths.RepositoryRoot(), "tests", "Rules.Core.Tests", "TestData", "spec-example", "example.rules");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var tree = SyntaxTree.Parse(File.ReadAllText(path), path);
            var expected = new List<(SyntaxToken Token, SyntaxNode Parent)>();
            foreach (var node in tree.Root.DescendantNodesAndSelf())
                foreach (var child in node.Children)
                    if (child.TryGetToken(out var token)) expected.Add((token, node));
            var seen = new SyntaxNode?[expected.Count];
            Parallel.For(0, expected.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => seen[i] = expected[i].Token.Parent);
            for (var i = 0; i < expected.Count; i++) Assert.Same(expected[i].Parent, seen[i]);
        }
    }

    [Fact]
    public void QuotedValuesAreTheirOwnInAnyOrderOfReading()
    {
        // Values of quoted tokens are kept by their number among the file's quoted tokens; tokens added by recovery
        // (a missing title) are worked out each time, never given another token's slot.
        const string text = "answers YesNo {\n  yes \"Yes \\\"sure\\\"\" positive\n  no \"No\"\n}\ndomain 1 {\n}\ndomain 2 \"Two\" {\n}\n";
        var forward = SyntaxTree.Parse(text, "a.rules").Root.Tokens().Where(t => t.Kind == SyntaxKind.StringToken).ToList();
        var backward = SyntaxTree.Parse(text, "a.rules").Root.Tokens().Where(t => t.Kind == SyntaxKind.StringToken).Reverse().ToList();
        var expected = forward.Select(t => t.ValueText).ToList();
        Assert.Equal(expected, backward.Select(t => t.ValueText).Reverse());
        Assert.Equal(["Yes \"sure\"", "No", "", "Two"], expected);
        Assert.True(forward[2].IsMissing);
    }
}
