using System.Collections.Concurrent;

namespace Rules.Core.Workspace;

/// <summary>
/// Which folders hold a file declaring a framework, remembered across compilations by a host that knows when that
/// can change (the language server drops its cache whenever project discovery is invalidated: a document opened or
/// closed, a framework declaration added or removed, files changed on disk). Without one, a workspace finds out
/// again in every operation, which lists the folders of every import on every compilation.
/// </summary>
public sealed class FrameworkFolderCache
{
    private readonly ConcurrentDictionary<string, bool> _declares = new(StringComparer.Ordinal);

    internal bool Declares(string folder, Func<string, bool> find) => _declares.GetOrAdd(folder, find);
}
