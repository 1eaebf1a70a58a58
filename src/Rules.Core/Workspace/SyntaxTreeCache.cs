using System.Collections.Concurrent;
using Rules.Core.Syntax;
using Rules.Core.Text;

namespace Rules.Core.Workspace;

/// <summary>
/// Parsed files by path and text: a file whose text has not changed is not parsed again. The
/// language server keeps one for its lifetime, so an edit re-parses only the edited file.
/// </summary>
public sealed class SyntaxTreeCache
{
    private readonly ConcurrentDictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
    private readonly Parsing.ParseBuffers _buffers = new();

    public SyntaxTree GetOrParse(string path, string text)
    {
        var key = PathUtil.Normalize(path);
        if (_trees.TryGetValue(key, out var tree) && ReferenceEquals(tree.Text.Text, text) || (tree is not null && tree.Text.Text == text))
            return tree!;
        tree = SyntaxTree.Parse(new SourceText(text, key), _buffers);
        _trees[key] = tree;
        return tree;
    }

    public void Remove(string path) => _trees.TryRemove(PathUtil.Normalize(path), out _);
}
