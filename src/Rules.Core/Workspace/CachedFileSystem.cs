using System.Collections.Concurrent;
namespace Rules.Core.Workspace;

/// <summary>
/// Files as the compiler sees them, remembered: file texts, existence checks and folder listings are read
/// once and kept until <see cref="Invalidate"/>. The language server keeps one for its lifetime (invalidated
/// by workspace/didChangeWatchedFiles), so that a keystroke does not read the unchanged files of a framework
/// again; a command of the CLI uses one for its run, so that the folders looked at by each framework's
/// compilation (imports, which folder declares a framework) are listed and read once. Keeping the same text
/// string also lets the <see cref="SyntaxTreeCache"/> recognise an unchanged file without comparing its text.
/// </summary>
public sealed class CachedFileSystem(IFileSystem disk) : IFileSystem
{
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _listings = new(StringComparer.Ordinal);

    public bool FileExists(string path) => _files.GetOrAdd(PathUtil.Normalize(path), p => Safe(() => disk.FileExists(p)));

    public bool DirectoryExists(string path) => _directories.GetOrAdd(PathUtil.Normalize(path), p => Safe(() => disk.DirectoryExists(p)));

    public string ReadAllText(string path)
    {
        var key = PathUtil.Normalize(path);
        if (_texts.TryGetValue(key, out var text) && text is not null) return text;
        text = disk.ReadAllText(key);
        _texts[key] = text;
        return text;
    }

    public IEnumerable<string> EnumerateRuleFiles(string directory) =>
        _listings.GetOrAdd(PathUtil.Normalize(directory), d => Safe(() => disk.EnumerateRuleFiles(d).ToArray()) ?? []);

    /// <summary>Forgets everything read (files were created, changed or deleted on disk).</summary>
    public void Invalidate()
    {
        _texts.Clear();
        _files.Clear();
        _directories.Clear();
        _listings.Clear();
    }

    private static T Safe<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return default!;
        }
    }
}
