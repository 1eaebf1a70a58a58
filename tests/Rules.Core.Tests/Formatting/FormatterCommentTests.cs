using Rules.Core.Formatting;
using Rules.Core.Syntax;

namespace Rules.Core.Tests.Formatting;

public class FormatterCommentTests
{
    [Fact]
    public void CommentLinesBeforeADeclarationAreKeptOnceWithoutExtraBlankLines()
    {
        const string source = "// one\n// two\n\n// three\nanswers YesNo {\n  // inside\n  yes \"Yes\" positive\n\n  // before no\n  no \"No\" // trailing\n}\n";
        var formatted = Formatter.Format(SyntaxTree.Parse(source, "a.rules"));
        Assert.Equal("// one\n// two\n\n// three\nanswers YesNo {\n  // inside\n  yes \"Yes\" positive\n\n  // before no\n  no  \"No\" // trailing\n}\n", formatted);
    }

    [Fact]
    public void RealFrameworkFilesFormatIdempotently()
    {
        var root = TestPaths.RepositoryRoot();
        var files = Directory.Exists(Path.Combine(root, "rules"))
            ? Directory.EnumerateFiles(Path.Combine(root, "rules"), "*.rules", SearchOption.AllDirectories).ToList()
            : [];
        files.Add(TestPaths.TestData("spec-example", "example.rules"));
        foreach (var file in files)
        {
            var once = Formatter.Format(SyntaxTree.Parse(File.ReadAllText(file), file));
            Assert.NotNull(once);
            var twice = Formatter.Format(SyntaxTree.Parse(once, file));
            Assert.Equal(once, twice);
            var comments = (string s) => SyntaxTree.Parse(s, file).Root.Tokens()
                .SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia)).Where(t => t.Kind.IsComment()).Select(t => t.Text.Trim()).ToList();
            Assert.Equal(comments(File.ReadAllText(file)), comments(once));
        }
    }
}
