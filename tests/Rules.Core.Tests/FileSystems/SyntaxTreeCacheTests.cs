using Rules.Core.Workspace;

namespace Rules.Core.Tests.FileSystems;

public class SyntaxTreeCacheTests
{
    private static (string[] Paths, string[] Texts) RealFramework()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot(), "rules", "probation-2021");
        var paths = Directory.GetFiles(folder, "*.rules", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        return (paths, [.. paths.Select(File.ReadAllText)]);
    }

    [Fact]
    public void Files_parsed_together_give_the_trees_parsed_one_by_one()
    {
        var (paths, texts) = RealFramework();
        Assert.True(paths.Length > 2);
        var together = new SyntaxTreeCache().GetOrParseAll(paths, texts);
        var oneByOne = new SyntaxTreeCache();
        Assert.Equal(paths.Length, together.Length);
        for (var i = 0; i < paths.Length; i++)
        {
            var single = oneByOne.GetOrParse(paths[i], texts[i]);
            Assert.Equal(single.Path, together[i].Path);
            Assert.Equal(texts[i], together[i].Root.ToString());
            Assert.Equal(single.Diagnostics.Select(d => (d.Id, d.Location.Span, d.Message)).ToArray(),
                together[i].Diagnostics.Select(d => (d.Id, d.Location.Span, d.Message)).ToArray());
        }
    }

    [Fact]
    public void Files_already_parsed_are_not_parsed_again_and_changed_ones_are()
    {
        var (paths, texts) = RealFramework();
        var cache = new SyntaxTreeCache();
        var first = cache.GetOrParseAll(paths, texts);
        var changed = texts.ToArray();
        changed[1] = changed[1] + "\n# a comment\n";
        var second = cache.GetOrParseAll(paths, changed);
        for (var i = 0; i < paths.Length; i++)
            Assert.Equal(i != 1, ReferenceEquals(first[i], second[i]));
        Assert.Equal(changed[1], second[1].Root.ToString());
        Assert.Same(second[1], cache.GetOrParse(paths[1], changed[1]));
    }

    [Fact]
    public void Files_with_syntax_errors_parse_together_with_their_errors()
    {
        string[] paths = ["/ws/a.rules", "/ws/b.rules", "/ws/c.rules"];
        string[] texts = ["domain 1 \"A\" {\n  standard 1.1 \"S\" {\n", "answers {", "framework \"F\" { version \"1\" }\n"];
        var trees = new SyntaxTreeCache().GetOrParseAll(paths, texts);
        Assert.NotEmpty(trees[0].Diagnostics);
        Assert.NotEmpty(trees[1].Diagnostics);
        Assert.Equal(texts, trees.Select(t => t.Root.ToString()).ToArray());
    }
}
