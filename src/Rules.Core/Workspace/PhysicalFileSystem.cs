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
        return Directory.EnumerateFiles(directory, "*.rules", options)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "node_modules" or "bin" or "obj"))
            .Select(PathUtil.Normalize)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }
}
