using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
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

    public SyntaxTree GetOrParse(string path, string text) => GetOrParseNormalized(PathUtil.Normalize(path), text);

    /// <summary>
    /// The trees of several files (texts as read), those not parsed yet on every core: files parse independently,
    /// and parsing is over a third of a check (docs/performance.md, "Eleventh session"). The trees are the same as
    /// one by one.
    /// </summary>
    public ImmutableArray<SyntaxTree> GetOrParseAll(IReadOnlyList<string> paths, IReadOnlyList<string> texts)
    {
        var keys = new string[paths.Count];
        var missing = new List<int>();
        for (var i = 0; i < paths.Count; i++)
            if (TryGet(keys[i] = PathUtil.Normalize(paths[i]), texts[i]) is null) missing.Add(i);
        if (missing.Count > 1 && Environment.ProcessorCount > 1)
        {
            // The largest first, one file at a time, so that one core is not left with the large files.
            missing.Sort((a, b) => texts[b].Length.CompareTo(texts[a].Length));
            try
            {
                Parallel.ForEach(Partitioner.Create(missing, loadBalance: true), i => GetOrParseNormalized(keys[i], texts[i]));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>(paths.Count);
        for (var i = 0; i < paths.Count; i++) trees.Add(GetOrParseNormalized(keys[i], texts[i]));
        return trees.MoveToImmutable();
    }

    private SyntaxTree GetOrParseNormalized(string key, string text)
    {
        if (TryGet(key, text) is { } tree) return tree;
        tree = SyntaxTree.Parse(new SourceText(text, key), _buffers);
        _trees[key] = tree;
        return tree;
    }

    private SyntaxTree? TryGet(string key, string text) =>
        _trees.TryGetValue(key, out var tree) && (ReferenceEquals(tree.Text.Text, text) || tree.Text.Text == text) ? tree : null;

    public void Remove(string path) => _trees.TryRemove(PathUtil.Normalize(path), out _);
}
