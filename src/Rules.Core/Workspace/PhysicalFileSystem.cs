using System.IO.Enumeration;

namespace Rules.Core.Workspace;

/// <summary>The disk. The single place the compiler touches real files.</summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public string ReadAllText(string path) => File.ReadAllText(path);

    public IEnumerable<string> EnumerateRuleFiles(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        // Folders that never hold rules are not entered at all: the workspace root is listed to see whether it
        // declares a framework, and a repository's node_modules or build output is thousands of entries.
        var files = new FileSystemEnumerable<string>(directory, (ref FileSystemEntry entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && entry.FileName.EndsWith(".rules", StringComparison.Ordinal),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsSkippedFolder(entry.FileName),
        };
        return files.Select(PathUtil.Normalize).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>Folders of tools and build output, skipped with everything beneath them (hidden ones, such as .git, are skipped too).</summary>
    private static bool IsSkippedFolder(ReadOnlySpan<char> name) => name is "node_modules" or "bin" or "obj";
}
