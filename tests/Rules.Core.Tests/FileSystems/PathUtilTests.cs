using Rules.Core.Workspace;

namespace Rules.Core.Tests.FileSystems;

public class PathUtilTests
{
    [Theory]
    [InlineData("/ws/fw/main.rules", "/ws/fw/main.rules")]
    [InlineData("/", "/")]
    [InlineData("", "")]
    [InlineData("a/b", "a/b")]
    [InlineData("/ws//fw/", "/ws/fw")]
    [InlineData("/ws/./fw/../common/a.rules", "/ws/common/a.rules")]
    [InlineData("C:\\ws\\fw", "C:/ws/fw")]
    [InlineData("/ws/..", "/")]
    [InlineData("../x", "../x")]
    [InlineData("/ws/.hidden/..x/a.rules", "/ws/.hidden/..x/a.rules")]
    [InlineData("/ws/fw/.", "/ws/fw")]
    public void Normalize_makes_absolute_slash_separated_paths_without_dot_parts(string path, string expected) =>
        Assert.Equal(expected, PathUtil.Normalize(path));

    [Theory]
    [InlineData("/ws/fw", "/ws/common/answers.rules", "../common/answers.rules")]
    [InlineData("/ws/fw", "/ws/fw/lib/a.rules", "lib/a.rules")]
    [InlineData("/ws/fw/deep", "/ws/a.rules", "../../a.rules")]
    [InlineData("/ws/fw/", "/ws/fw/a.rules", "a.rules")]
    public void RelativeFrom_climbs_with_dot_dot_as_an_import_writes_it(string directory, string path, string expected) =>
        Assert.Equal(expected, PathUtil.RelativeFrom(directory, path));

    /// <summary>A normal path is returned as it is (the fast path) and normalizing is idempotent.</summary>
    [Fact]
    public void Normalizing_a_normalized_path_changes_nothing()
    {
        var random = new Random(7);
        const string alphabet = "ab./\\";
        for (var i = 0; i < 20_000; i++)
        {
            var path = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var once = PathUtil.Normalize(path);
            Assert.Equal(once, PathUtil.Normalize(once));
        }
    }
}
