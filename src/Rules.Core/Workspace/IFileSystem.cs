namespace Rules.Core.Workspace;

/// <summary>
/// The compiler's only window on files, so that the language server can lay unsaved editor text
/// over the disk and tests can work in memory. Paths are absolute and use '/'.
/// </summary>
public interface IFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    string ReadAllText(string path);

    /// <summary>Every <c>.rules</c> file at or below the folder, in ordinal path order.</summary>
    IEnumerable<string> EnumerateRuleFiles(string directory);
}
