using System.Collections.Immutable;

namespace Rules.Core.Workspace;

/// <summary>Files held in memory: for tests, and for editors' unsaved documents.</summary>
public sealed class InMemoryFileSystem(ImmutableDictionary<string, string> files) : IFileSystem
{
    public InMemoryFileSystem() : this(ImmutableDictionary<string, string>.Empty) { }

    public ImmutableDictionary<string, string> Files { get; } = files.ToImmutableDictionary(kv => PathUtil.Normalize(kv.Key), kv => kv.Value);

    public InMemoryFileSystem With(string path, string text) => new(Files.SetItem(PathUtil.Normalize(path), text));

    public bool FileExists(string path) => Files.ContainsKey(PathUtil.Normalize(path));

    public bool DirectoryExists(string path)
    {
        var prefix = PathUtil.Normalize(path).TrimEnd('/') + "/";
        return Files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)) || Files.ContainsKey(prefix + ".git") || Files.ContainsKey(prefix + "rules.json");
    }

    public string ReadAllText(string path) =>
        Files.TryGetValue(PathUtil.Normalize(path), out var text) ? text : throw new FileNotFoundException("No such file.", path);

    public IEnumerable<string> EnumerateRuleFiles(string directory)
    {
        var prefix = PathUtil.Normalize(directory).TrimEnd('/') + "/";
        return Files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && PathUtil.IsRuleFile(k))
            .OrderBy(k => k, StringComparer.Ordinal);
    }
}

/// <summary>A file system that shows some files with other text (open editor documents) over another.</summary>
public sealed class OverlayFileSystem(IFileSystem inner, IReadOnlyDictionary<string, string> overlays) : IFileSystem
{
    public bool FileExists(string path) => overlays.ContainsKey(PathUtil.Normalize(path)) || inner.FileExists(path);

    public bool DirectoryExists(string path) => inner.DirectoryExists(path)
        || overlays.Keys.Any(k => k.StartsWith(PathUtil.Normalize(path).TrimEnd('/') + "/", StringComparison.Ordinal));

    public string ReadAllText(string path) =>
        overlays.TryGetValue(PathUtil.Normalize(path), out var text) ? text : inner.ReadAllText(path);

    public IEnumerable<string> EnumerateRuleFiles(string directory)
    {
        var prefix = PathUtil.Normalize(directory).TrimEnd('/') + "/";
        return inner.EnumerateRuleFiles(directory)
            .Concat(overlays.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && PathUtil.IsRuleFile(k)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(k => k, StringComparer.Ordinal);
    }
}
