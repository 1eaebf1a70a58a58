using Rules.LanguageServer.Documents;

namespace Rules.LanguageServer.Tests;

public class DocumentUrisTests
{
    [Fact]
    public void Converts_file_uris_to_paths_and_back()
    {
        Assert.Equal("/work/rules/a b.rules", DocumentUris.ToFilePath("file:///work/rules/a%20b.rules"));
        Assert.Equal("file:///work/rules/a%20b.rules", DocumentUris.FromFilePath("/work/rules/a b.rules"));
        Assert.Equal("/work/“x”.rules", DocumentUris.ToFilePath(DocumentUris.FromFilePath("/work/“x”.rules")));
    }

    [Fact]
    public void Other_schemes_and_relative_paths_are_refused()
    {
        Assert.Null(DocumentUris.ToFilePath("untitled:Untitled-1"));
        Assert.Null(DocumentUris.ToFilePath("not a uri"));
        Assert.Throws<ArgumentException>(() => DocumentUris.FromFilePath("relative/a.rules"));
    }
}
