using System.Collections.Concurrent;

namespace Rules.Core.Parsing;

/// <summary>
/// What one parse can hand on to the next: token streams, whose Sprache inputs (an object per position the grammar
/// visits, a tenth of what a parse allocates) serve file after file, and the lexer's table for numbering texts (a
/// large object for a long file). Owned by a <see cref="Workspace.SyntaxTreeCache"/>,
/// so a check parsing many files, and the language server re-parsing a file on every keystroke, make them once.
/// Safe for parses on several threads: each takes a stream of its own.
/// </summary>
internal sealed class ParseBuffers
{
    private readonly ConcurrentBag<TokenStream> _streams = [];
    private readonly ConcurrentBag<Dictionary<string, int>> _textIds = [];

    /// <summary>An empty table for the lexer to number a file's texts in.</summary>
    public Dictionary<string, int> RentTextIds() => _textIds.TryTake(out var ids) ? ids : new(StringComparer.Ordinal);

    /// <summary>Takes a table back, emptied (so it keeps no file's texts).</summary>
    public void Return(Dictionary<string, int> textIds)
    {
        textIds.Clear();
        _textIds.Add(textIds);
    }

    public TokenStream Rent(Syntax.TokenTable tokens)
    {
        if (!_streams.TryTake(out var stream)) stream = new TokenStream();
        stream.Reset(tokens);
        return stream;
    }

    public void Return(TokenStream stream)
    {
        stream.Release();
        _streams.Add(stream);
    }
}
