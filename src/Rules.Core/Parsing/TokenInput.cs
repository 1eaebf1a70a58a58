using System.Collections.Immutable;
using Rules.Core.Syntax;
using Sprache;

namespace Rules.Core.Parsing;

/// <summary>
/// The tokens of one file, shared by every <see cref="TokenInput"/> over it. Inputs are cached per
/// index so that advancing allocates nothing after the first visit.
/// </summary>
internal sealed class TokenStream
{
    public const int MaxNesting = 100; // the grammar recurses per bracket: deeper would not fit a 1 MB stack (Windows threads)

    // Inputs in chunks of 1024 rather than one array per file, so a large file does not need a
    // large (LOH) array, and chunks are only made for the stretches the grammar visits.
    private const int ChunkBits = 10;
    private TokenInput?[]?[] _inputs = [];
    private int[]? _parenDepth;

    /// <summary>A stream for one file after another (see <see cref="ParseBuffers"/>): its inputs are made once and
    /// serve every file it is given, since an input is a position in whatever file the stream holds.</summary>
    public TokenStream() => Tokens = null!;

    public TokenStream(TokenTable tokens) : this() => Reset(tokens);

    /// <summary>Takes the next file: the inputs made so far are kept, everything else starts afresh.</summary>
    public void Reset(TokenTable tokens)
    {
        Release();
        Tokens = tokens;
        var chunks = (tokens.Count >> ChunkBits) + 1;
        if (_inputs.Length < chunks) Array.Resize(ref _inputs, chunks);
        // Depths are only kept for a file that nests parentheses too deeply somewhere.
        var depth = 0;
        var deepest = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var kind = tokens.KindOf(i);
            if (kind == SyntaxKind.OpenParenToken && ++depth > deepest) deepest = depth;
            else if (kind == SyntaxKind.CloseParenToken && depth > 0) depth--;
        }
        if (deepest > MaxNesting)
        {
            _parenDepth = new int[tokens.Count];
            depth = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens.KindOf(i) == SyntaxKind.OpenParenToken) depth++;
                _parenDepth[i] = depth;
                if (tokens.KindOf(i) == SyntaxKind.CloseParenToken && depth > 0) depth--;
            }
        }
    }

    /// <summary>Lets go of the file (so a stream kept for reuse does not keep its tree alive).</summary>
    public void Release()
    {
        Tokens = null!;
        MadeMissingTokens = false;
        _misspelt = null;
        _takenAs = null;
        _memos = null;
        _parenDepth = null;
    }

    public string Source => Tokens.Source;

    /// <summary>The file's tokens; the last the lexer read is the end of the file.</summary>
    public TokenTable Tokens { get; private set; }

    /// <summary>Whether recovery inserted any missing token (if not, there are none to report).</summary>
    public bool MadeMissingTokens { get; private set; }

    /// <summary>Keywords written with a slip ('scor' for score), taken as the keyword: position -> the keyword meant;
    /// null when there were none.</summary>
    public IReadOnlyDictionary<int, string>? MisspeltKeywords => _misspelt;

    private Dictionary<int, string>? _misspelt;

    /// <summary>
    /// Takes a word as the keyword it misspells, so the member keeps its shape instead of the word starting the next one;
    /// the parser reports it once the tree is built, if the word is still where the keyword belongs.
    /// </summary>
    public SyntaxToken Misspelt(SyntaxToken token, string keyword)
    {
        (_misspelt ??= [])[token.Position] = keyword;
        return token;
    }

    private Dictionary<int, string>? _takenAs;

    /// <summary>A word that starts a member with a misspelt keyword ('standrd'), taken as that keyword by the grammar
    /// (reported by the parser when it decides so; see Parser.TryMisspeltMember).</summary>
    public void TakeAs(SyntaxToken token, string keyword) => (_takenAs ??= [])[token.Position] = keyword;

    /// <summary>The keyword a word at this position is taken as, if any.</summary>
    public string? TakenAs(int position) => _takenAs is not null && _takenAs.TryGetValue(position, out var keyword) ? keyword : null;

    public bool IsTakenAs(SyntaxToken token, string keyword) => TakenAs(token.Position) == keyword;

    /// <summary>A missing token standing in for one the author left out; recorded so the parser knows to look for them.</summary>
    public SyntaxToken Missing(SyntaxKind kind, int position, string? expected = null)
    {
        MadeMissingTokens = true;
        return Tokens.AddMissing(kind, position, expected);
    }

    private Dictionary<int, Dictionary<object, object>>? _memos;

    /// <summary>Sprache's memo table for one position (see <see cref="TokenInput.Memos"/>).</summary>
    public Dictionary<object, object> MemosAt(int index)
    {
        _memos ??= new Dictionary<int, Dictionary<object, object>>();
        if (!_memos.TryGetValue(index, out var memos)) _memos[index] = memos = new Dictionary<object, object>();
        return memos;
    }

    /// <summary>How many parentheses are open at a token (counting the token itself).</summary>
    public int ParenDepthAt(int index) => _parenDepth is null ? 0 : _parenDepth[index];

    /// <summary>The first token nested deeper than <see cref="MaxNesting"/>, or -1.</summary>
    public int FirstTooDeep() => _parenDepth is null ? -1 : Array.FindIndex(_parenDepth, depth => depth > MaxNesting);

    public TokenInput At(int index)
    {
        index = Math.Min(index, Tokens.Count - 1);
        var chunk = _inputs[index >> ChunkBits] ??= new TokenInput?[1 << ChunkBits];
        return chunk[index & ((1 << ChunkBits) - 1)] ??= new TokenInput(this, index);
    }
}

/// <summary>
/// A Sprache input whose unit is a whole token rather than a character: the combinators
/// (Or, Many, Then, Select, ...) work unchanged, and the primitives in <see cref="TokenParsers"/>
/// match one token at a time.
/// </summary>
internal sealed class TokenInput : IInput, IResult<SyntaxToken>
{
    private readonly TokenStream _stream;

    public TokenInput(TokenStream stream, int index)
    {
        _stream = stream;
        Index = index;
    }

    public int Index { get; }

    public SyntaxToken Token => new(_stream.Tokens, Index);

    public TokenStream Stream => _stream;

    public IInput Advance() => AtEnd ? throw new InvalidOperationException("Cannot advance beyond the end of the file.") : _stream.At(Index + 1);

    /// <summary>
    /// The result of matching this token: always the same (the token, then the input after it), so
    /// the position itself serves as that result (see the <see cref="IResult{T}"/> members below) rather
    /// than a new result object each time the grammar matches a token.
    /// </summary>
    public IResult<SyntaxToken> Matched => this;

    SyntaxToken IResult<SyntaxToken>.Value => Token;

    bool IResult<SyntaxToken>.WasSuccessful => true;

    string? IResult<SyntaxToken>.Message => null;

    IEnumerable<string> IResult<SyntaxToken>.Expectations => [];

    IInput IResult<SyntaxToken>.Remainder => Advance();

    public string Source => _stream.Source;

    public char Current => Token.AsSpan() is { Length: > 0 } text ? text[0] : '\0'; // no string cut out of a quoted token

    public bool AtEnd => _stream.Tokens.KindOf(Index) == SyntaxKind.EndOfFileToken;

    public int Position => Index;

    public int Line => 0;

    public int Column => Index;

    /// <summary>
    /// Sprache's memo table for this position (Parse.Ref keeps a result per parser and input, to
    /// catch left recursion). It belongs to the position, not the file: a table shared by every
    /// position would hand one position's result to another.
    /// </summary>
    /// (Kept by the stream, not in a field of every position: the grammar does not use Parse.Ref, so no table is made.)
    public IDictionary<object, object> Memos => _stream.MemosAt(Index);

    public bool Equals(IInput? other) => other is TokenInput t && ReferenceEquals(t._stream, _stream) && t.Index == Index;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => Index;
}
