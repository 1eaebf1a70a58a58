using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rules.Core.Diagnostics;
using Rules.Core.Syntax;
using Rules.Core.Text;

namespace Rules.Core.Parsing;

/// <summary>
/// Turns text into tokens with trivia in one forward pass. Whole tokens and trivia runs are scanned
/// by hand here (not character by character through parser combinators): this is where the time
/// goes, and the grammar proper (Sprache) then works on tokens.
/// </summary>
internal sealed class Lexer
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<Diagnostic> _diagnostics;
    private int _position;
    private bool _atLineStart = true;

    /// <summary>Whether a quoted text read so far may have no word in it (see <see cref="SyntaxTree.MayHaveTextWithoutWords"/>).</summary>
    public bool SawTextWithoutWords { get; private set; }

    // Names repeat (keywords, answer sets, options): each distinct spelling is allocated once per file.
    private readonly Dictionary<string, string> _names;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;

    public Lexer(SourceText source, List<Diagnostic> diagnostics)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
        // Sized for the file up front (about one distinct name or code per 100 characters in real frameworks).
        _names = new Dictionary<string, string>(Math.Min(1 << 16, _text.Length / 100 + 16), StringComparer.Ordinal);
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The tokens, in an array rented from the shared pool (the segment's count is the number of tokens; the last
    /// is the end of the file). The caller gives it back with <see cref="Return"/> once the tokens are in a tree:
    /// a large file's token array would otherwise be a large-object-heap allocation per parse.
    /// </summary>
    public ArraySegment<SyntaxToken> Lex()
    {
        // Tokens are gathered in a pooled buffer and copied once into an array of the exact size:
        // for a large file that array is the only large allocation.
        // Trivia are only skipped: a token keeps where its trivia start and end, and splits them out of
        // the text when asked (SyntaxToken.LeadingTrivia), so no trivia objects are made here.
        var tokens = new TokenBuffer(Math.Max(16, _text.Length / 10)); // a token every 12 characters or so (10–20 in the frameworks here)
        while (true)
        {
            var fullStart = _position;
            SkipTrivia(isTrailing: false);
            var startsLine = _atLineStart;
            var start = _position;
            var kind = ReadToken();
            var end = _position;
            // Quoted text is left in the source (the token cuts it out when asked; the binder reads its value once).
            var isText = kind is SyntaxKind.StringToken or SyntaxKind.MultiLineStringToken;
            var text = isText ? null : TokenText(kind, start);
            if (isText && !SawTextWithoutWords) NoteText(start, end);
            _atLineStart = false;
            if (kind != SyntaxKind.EndOfFileToken) SkipTrivia(isTrailing: true);
            tokens.Add(new SyntaxToken(kind, start, end - start, text, _text, fullStart, _position, startsLine));
            if (kind == SyntaxKind.EndOfFileToken) break;
        }
        return tokens.Segment;
    }

    // Out of line: inlined, it made the token loop too large for the JIT to inline what the loop calls on every token.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NoteText(int start, int end) => SawTextWithoutWords = StringValues.MayBeWithoutWords(_text.AsSpan(start, end - start));

    /// <summary>Gives the array of <see cref="Lex"/> back to the pool, cleared (so the pool does not keep a tree alive).</summary>
    public static void Return(ArraySegment<SyntaxToken> tokens)
    {
        if (tokens.Array is not { Length: > 0 } array) return;
        // Only the part the tokens filled: the rest of a rented array was cleared when it was last given back, and a
        // large file's array is mostly that rest (clearing all of it was a millisecond of a 10,000-line check).
        Array.Clear(array, 0, tokens.Count);
        ArrayPool<SyntaxToken>.Shared.Return(array, clearArray: false);
    }

    /// <summary>A growable buffer rented from the shared array pool.</summary>
    private struct TokenBuffer(int capacity)
    {
        private SyntaxToken[] _items = ArrayPool<SyntaxToken>.Shared.Rent(capacity);
        private int _count;

        public void Add(SyntaxToken token)
        {
            if (_count == _items.Length)
            {
                var larger = ArrayPool<SyntaxToken>.Shared.Rent(_items.Length * 2);
                Array.Copy(_items, larger, _count);
                Array.Clear(_items, 0, _count);
                ArrayPool<SyntaxToken>.Shared.Return(_items, clearArray: false);
                _items = larger;
            }
            _items[_count++] = token;
        }

        public readonly ArraySegment<SyntaxToken> Segment => new(_items, 0, _count);
    }

    private string TokenText(SyntaxKind kind, int start) => kind switch
    {
        SyntaxKind.OpenBraceToken => "{",
        SyntaxKind.CloseBraceToken => "}",
        SyntaxKind.OpenParenToken => "(",
        SyntaxKind.CloseParenToken => ")",
        SyntaxKind.ColonToken => ":",
        SyntaxKind.CommaToken => ",",
        SyntaxKind.DotToken => ".",
        SyntaxKind.PipeToken => "|",
        SyntaxKind.PercentToken => "%",
        SyntaxKind.EqualsEqualsToken => "==",
        SyntaxKind.BangEqualsToken => "!=",
        SyntaxKind.LessToken => "<",
        SyntaxKind.LessEqualsToken => "<=",
        SyntaxKind.GreaterToken => ">",
        SyntaxKind.GreaterEqualsToken => ">=",
        SyntaxKind.EndOfFileToken => "",
        // Names, numbers and codes repeat (keywords, options, 2.4.1 in its declaration and in conditions).
        SyntaxKind.IdentifierToken or SyntaxKind.NumberToken or SyntaxKind.CodeToken => Name(start),
        _ => _text.Substring(start, _position - start),
    };

    private string Name(int start)
    {
        var span = _text.AsSpan(start, _position - start);
        if (_nameLookup.TryGetValue(span, out var name)) return name;
        name = span.ToString();
        _names.Add(name, name);
        return name;
    }

    private char Peek(int offset = 0)
    {
        var i = _position + offset;
        return i < _text.Length ? _text[i] : '\0';
    }

    /// <summary>
    /// Skips the trivia before a token, or after one up to and including its line break (or a block
    /// comment that spans lines). Pieces are found by <see cref="TriviaScanner.Next"/>, as the token
    /// will find them again when its trivia are asked for.
    /// </summary>
    private void SkipTrivia(bool isTrailing)
    {
        while (_position < _text.Length)
        {
            var start = _position;
            var kind = TriviaScanner.Next(_text, start, _text.Length, out var end);
            if (kind == SyntaxKind.None) return;
            _position = end;
            if (kind == SyntaxKind.EndOfLineTrivia)
            {
                _atLineStart = true;
                if (isTrailing) return;
            }
            else if (kind == SyntaxKind.BlockCommentTrivia)
            {
                if (!_text.AsSpan(start + 2, end - start - 2).EndsWith("*/", StringComparison.Ordinal))
                    _diagnostics.Add(DiagnosticCatalog.UnterminatedComment(new Location(_source, new TextSpan(start, 2))));
                if (isTrailing && _text.AsSpan(start, end - start).IndexOfAny('\r', '\n') >= 0)
                {
                    _atLineStart = false;
                    return;
                }
            }
        }
    }

    private SyntaxKind ReadToken()
    {
        if (_position >= _text.Length) return SyntaxKind.EndOfFileToken;
        var c = _text[_position];
        switch (c)
        {
            case '{': _position++; return SyntaxKind.OpenBraceToken;
            case '}': _position++; return SyntaxKind.CloseBraceToken;
            case '(': _position++; return SyntaxKind.OpenParenToken;
            case ')': _position++; return SyntaxKind.CloseParenToken;
            case ':': _position++; return SyntaxKind.ColonToken;
            case ',': _position++; return SyntaxKind.CommaToken;
            case '.': _position++; return SyntaxKind.DotToken;
            case '|': _position++; return SyntaxKind.PipeToken;
            case '%': _position++; return SyntaxKind.PercentToken;
            case '=' when Peek(1) == '=': _position += 2; return SyntaxKind.EqualsEqualsToken;
            case '!' when Peek(1) == '=': _position += 2; return SyntaxKind.BangEqualsToken;
            case '<': _position += Peek(1) == '=' ? 2 : 1; return _text[_position - 1] == '=' ? SyntaxKind.LessEqualsToken : SyntaxKind.LessToken;
            case '>': _position += Peek(1) == '=' ? 2 : 1; return _text[_position - 1] == '=' ? SyntaxKind.GreaterEqualsToken : SyntaxKind.GreaterToken;
            case '"': return ReadString();
            case '\u201C': return ReadCurlyQuotedString();
            // The language has no subtraction, so '-' before a digit can only be a negative number.
            case '-' when char.IsAsciiDigit(Peek(1)):
                _position++;
                ReadNumberOrCode();
                return SyntaxKind.NumberToken;
        }
        if (char.IsAsciiDigit(c)) return ReadNumberOrCode();
        if (IsIdentifierStart(c))
        {
            _position++;
            while (_position < _text.Length && IsIdentifierPart(_text[_position])) _position++;
            return SyntaxKind.IdentifierToken;
        }
        // Anything else is one bad character (a whole surrogate pair, so columns stay honest).
        _position += char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        return SyntaxKind.BadToken;
    }

    private static bool IsIdentifierStart(char c) => SyntaxFacts.IsIdentifierStart(c);

    private static bool IsIdentifierPart(char c) => SyntaxFacts.IsIdentifierPart(c);

    private SyntaxKind ReadNumberOrCode()
    {
        while (char.IsAsciiDigit(Peek())) _position++;
        var dots = 0;
        while (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _position++;
            while (char.IsAsciiDigit(Peek())) _position++;
            dots++;
        }
        if (dots >= 1 && Peek() == '.' && (Peek(1) == '*' || IsIdentifierStart(Peek(1))))
        {
            _position++;
            if (Peek() == '*') _position++;
            else while (IsIdentifierPart(Peek())) _position++;
            return SyntaxKind.CodeToken;
        }
        return dots >= 2 ? SyntaxKind.CodeToken : SyntaxKind.NumberToken;
    }

    /// <summary>
    /// “Text in curly quotes”, as word processors write it (texts are often pasted from the standards' Word documents):
    /// an error with the straight-quoted text as the fix, but read as the text it is, so the item keeps its text and
    /// the rest of the line parses. The text runs to the last closing curly quote of the line; an opening one with no
    /// closing one on its line is a bad character.
    /// </summary>
    private SyntaxKind ReadCurlyQuotedString()
    {
        var start = _position;
        var line = _text.AsSpan(start + 1);
        var lineLength = line.IndexOfAny('\r', '\n');
        if (lineLength >= 0) line = line[..lineLength];
        var close = line.LastIndexOf('\u201D'); // the last: word processors nest “ ” inside “ ”
        _position++;
        if (close < 0) return SyntaxKind.BadToken;
        _position = start + 1 + close + 1;
        var inner = _text.Substring(start + 1, close);
        _diagnostics.Add(DiagnosticCatalog.CurlyQuotes(new Location(_source, TextSpan.FromBounds(start, _position)),
            "\"" + inner.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""));
        return SyntaxKind.StringToken;
    }

    /// <summary>
    /// Where a triple-quoted text that is never closed most likely ends, so that the rest of the file is still read:
    /// before the first later line that is indented no deeper than the line the text starts on (guidance text sits
    /// deeper than its 'guidance'), or at the end of the file. Only for a text with no closing quotes anywhere after
    /// it: a text that is closed is read as written, however its lines are indented.
    /// </summary>
    private int EndOfUnclosedText(int start)
    {
        var first = _source.GetLinePosition(start).Line;
        var indent = IndentOf(first);
        var lastContentEnd = _source.GetLineEnd(first);
        for (var line = first + 1; line < _source.LineCount; line++)
        {
            var lineStart = _source.LineStarts[line];
            var content = _text.AsSpan(lineStart, _source.GetLineEnd(line) - lineStart);
            if (content.IsWhiteSpace()) continue;
            if (IndentOf(line) <= indent) return lastContentEnd;
            lastContentEnd = _source.GetLineEnd(line);
        }
        return _text.Length;
    }

    private int IndentOf(int line)
    {
        var lineStart = _source.LineStarts[line];
        var content = _text.AsSpan(lineStart, _source.GetLineEnd(line) - lineStart);
        return content.Length - content.TrimStart(" \t").Length;
    }

    /// <summary>The characters that end or interrupt a one-line string: its closing quote, an escape, a line break.</summary>
    private static readonly System.Buffers.SearchValues<char> StringStops = System.Buffers.SearchValues.Create("\"\\\r\n");

    private SyntaxKind ReadString()
    {
        var start = _position;
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            var end = _text.IndexOf("\"\"\"", _position + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                _position = EndOfUnclosedText(start);
                _diagnostics.Add(DiagnosticCatalog.UnterminatedMultiLineString(new Location(_source, new TextSpan(start, 3))));
            }
            else
            {
                _position = end + 3;
            }
            return SyntaxKind.MultiLineStringToken;
        }
        _position++;
        while (_position < _text.Length)
        {
            // Straight to the next character that matters (vectorised): most of a string is plain text.
            var skip = _text.AsSpan(_position).IndexOfAny(StringStops);
            if (skip < 0) { _position = _text.Length; break; }
            _position += skip;
            var c = _text[_position];
            if (c == '"') { _position++; return SyntaxKind.StringToken; }
            if (c is '\r' or '\n') break;
            _position += _position + 1 < _text.Length && _text[_position + 1] is not ('\r' or '\n') ? 2 : 1; // an escape
        }
        _diagnostics.Add(DiagnosticCatalog.UnterminatedString(new Location(_source, TextSpan.FromBounds(start, _position))));
        return SyntaxKind.StringToken;
    }
}
