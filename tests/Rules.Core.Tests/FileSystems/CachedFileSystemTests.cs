using System.Collections.Immutable;
using Rules.Core.Workspace;

namespace Rules.Core.Tests.FileSystems;

public class CachedFileSystemTests
{
    /// <summary>Counts what reaches the underlying file system.</summary>
    private sealed class CountingFileSystem(IFileSystem inner) : IFileSystem
    {
        public int Reads { get; private set; }
        public int Listings { get; private set; }
        public IFileSystem Inner { get; set; } = inner;

        public bool FileExists(string path) => Inner.FileExists(path);
        public bool DirectoryExists(string path) => Inner.DirectoryExists(path);

        public string ReadAllText(string path)
        {
            Reads++;
            return Inner.ReadAllText(path);
        }

        public IEnumerable<string> EnumerateRuleFiles(string directory)
        {
            Listings++;
            return Inner.EnumerateRuleFiles(directory);
        }
    }

    private static InMemoryFileSystem Files(string text) =>
        new(ImmutableDictionary<string, string>.Empty.Add("/ws/fw/main.rules", text).Add("/ws/common/a.rules", "answers A { x \"X\" positive }\n"));

    [Fact]
    public void Reads_and_lists_once_until_invalidated()
    {
        var counting = new CountingFileSystem(Files("// one\n"));
        var cached = new CachedFileSystem(counting);

        var first = cached.ReadAllText("/ws/fw/main.rules");
        Assert.Same(first, cached.ReadAllText("/ws/fw/main.rules")); // the same string: the tree cache needs no comparison
        Assert.Equal(["/ws/common/a.rules", "/ws/fw/main.rules"], cached.EnumerateRuleFiles("/ws"));
        Assert.Equal(["/ws/common/a.rules", "/ws/fw/main.rules"], cached.EnumerateRuleFiles("/ws/"));
        Assert.Equal((1, 1), (counting.Reads, counting.Listings));

        counting.Inner = Files("// two\n");
        Assert.Equal("// one\n", cached.ReadAllText("/ws/fw/main.rules")); // a snapshot until told otherwise
        cached.Invalidate();
        Assert.Equal("// two\n", cached.ReadAllText("/ws/fw/main.rules"));
        Assert.Equal(2, counting.Reads);
    }

    [Fact]
    public void A_missing_file_is_still_an_error_naming_it()
    {
        var cached = new CachedFileSystem(Files(""));
        Assert.False(cached.FileExists("/ws/fw/other.rules"));
        var e = Assert.Throws<FileNotFoundException>(() => cached.ReadAllText("/ws/fw/other.rules"));
        Assert.Equal("/ws/fw/other.rules", e.FileName);
    }

    [Fact]
    public void A_check_through_the_cache_reports_what_a_check_of_the_disk_reports()
    {
        var repository = PathUtil.Normalize(TestPaths.RepositoryRoot());
        var direct = new RulesWorkspace(new PhysicalFileSystem()).CompileAll(repository + "/rules");
        var cached = new RulesWorkspace(new CachedFileSystem(new PhysicalFileSystem())).CompileAll(repository + "/rules");
        Assert.Equal(direct.Length, cached.Length);
        for (var i = 0; i < direct.Length; i++)
        {
            Assert.Equal(direct[i].Model.Project.RootFolder, cached[i].Model.Project.RootFolder);
            Assert.True(direct[i].Diagnostics.SequenceEqual(cached[i].Diagnostics));
        }
    }
}
