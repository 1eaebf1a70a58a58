using Rules.Core.Workspace;

namespace Rules.Core.Tests.FileSystems;

/// <summary>What the disk's listing of rule files includes, in a temporary folder.</summary>
public sealed class PhysicalFileSystemTests : IDisposable
{
    private readonly string _root = PathUtil.Normalize(Path.Combine(Path.GetTempPath(), "rules-fs-" + Guid.NewGuid().ToString("N")));

    private string Write(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return PathUtil.Normalize(path);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Lists_rule_files_beneath_the_folder_in_ordinal_order_without_tool_and_build_folders()
    {
        var b = Write("fw/b.rules");
        var a = Write("fw/A.rules");
        var deep = Write("fw/sub/deeper/c.rules");
        Write("fw/notes.txt");
        Write("fw/node_modules/pkg/x.rules");
        Write("fw/bin/Debug/y.rules");
        Write("fw/sub/obj/z.rules");
        Write("fw/.git/hooks/h.rules");

        Assert.Equal([a, b, deep], new PhysicalFileSystem().EnumerateRuleFiles(_root + "/fw"));
    }

    [Fact]
    public void A_folder_named_like_build_output_above_the_listed_one_does_not_hide_its_files()
    {
        // Before, any part of the path named bin, obj or node_modules dropped the file, even above the folder listed.
        var file = Write("bin/project/rules/f.rules");

        Assert.Equal([file], new PhysicalFileSystem().EnumerateRuleFiles(_root + "/bin/project"));
    }

    [Fact]
    public void A_missing_folder_lists_nothing()
    {
        Assert.Empty(new PhysicalFileSystem().EnumerateRuleFiles(_root + "/nowhere"));
    }
}
