using System.Buffers;
using System.Collections.Immutable;
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

    // Names repeat (keywords, answer sets, options): each distinct spelling is allocated once per file.
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;

    /// <summary>Runs of up to 64 spaces, the usual indentation, shared rather than cut from the text each time.</summary>
    private static readonly string[] Spaces = [.. Enumerable.Range(0, 65).Select(n => new string(' ', n))];

    public Lexer(SourceText source, List<Diagnostic> diagnostics)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ImmutableArray<SyntaxToken> Lex()
    {
        // Tokens are gathered in a pooled buffer and copied once into an array of the exact size:
        // for a large file that array is the only large allocation.
        var tokens = new TokenBuffer(Math.Max(16, _text.Length / 6));
        var leading = new TriviaBuffer();
        var trailing = new TriviaBuffer();
        while (true)
        {
            ReadTrivia(leading, isTrailing: false);
            var startsLine = _atLineStart;
            var start = _position;
            var kind = ReadToken();
            var text = TokenText(kind, start);
            _atLineStart = false;
            if (kind != SyntaxKind.EndOfFileToken) ReadTrivia(trailing, isTrailing: true);
            var token = new SyntaxToken(kind, start, text, leading.ToImmutableAndClear(), trailing.ToImmutableAndClear()) { StartsLine = startsLine };
            tokens.Add(token);
            if (kind == SyntaxKind.EndOfFileToken) break;
        }
        return tokens.ToImmutableAndFree();
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
                ArrayPool<SyntaxToken>.Shared.Return(_items, clearArray: true);
                _items = larger;
            }
            _items[_count++] = token;
        }

        public ImmutableArray<SyntaxToken> ToImmutableAndFree()
        {
            var result = _items.AsSpan(0, _count).ToArray();
            ArrayPool<SyntaxToken>.Shared.Return(_items, clearArray: true);
            _items = [];
            return ImmutableCollectionsMarshal.AsImmutableArray(result);
        }
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
        SyntaxKind.IdentifierToken => Name(start),
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

    private string WhitespaceText(int start)
    {
        var length = _position - start;
        if (length < Spaces.Length && _text.AsSpan(start, length).IndexOfAnyExcept(' ') < 0) return Spaces[length];
        return _text.Substring(start, length);
    }

    private string LineBreakText(int start) => (_position - start) == 2 ? "\r\n" : _text[start] == '\n' ? "\n" : "\r";

    /// <summary>The trivia gathered before or after one token: reused for every token, copied out at its exact size.</summary>
    private sealed class TriviaBuffer
    {
        private SyntaxTrivia[] _items = new SyntaxTrivia[8];
        private int _count;

        public void Add(SyntaxTrivia trivia)
        {
            if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[_count++] = trivia;
        }

        public ImmutableArray<SyntaxTrivia> ToImmutableAndClear()
        {
            if (_count == 0) return ImmutableArray<SyntaxTrivia>.Empty;
            var result = _count == 1 ? [_items[0]] : _items.AsSpan(0, _count).ToArray();
            _count = 0;
            return ImmutableCollectionsMarshal.AsImmutableArray(result);
        }
    }

    private char Peek(int offset = 0)
    {
        var i = _position + offset;
        return i < _text.Length ? _text[i] : '\0';
    }

    private void ReadTrivia(TriviaBuffer trivia, bool isTrailing)
    {
        while (_position < _text.Length)
        {
            var start = _position;
            var c = _text[_position];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\u00A0' || c == '\uFEFF')
            {
                while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\f' or '\v' or '\u00A0' or '\uFEFF') _position++;
                trivia.Add(new SyntaxTrivia(SyntaxKind.WhitespaceTrivia, start, WhitespaceText(start)));
            }
            else if (c == '\r' || c == '\n')
            {
                _position += c == '\r' && Peek(1) == '\n' ? 2 : 1;
                trivia.Add(new SyntaxTrivia(SyntaxKind.EndOfLineTrivia, start, LineBreakText(start)));
                _atLineStart = true;
                if (isTrailing) return;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] is not ('\r' or '\n')) _position++;
                trivia.Add(new SyntaxTrivia(SyntaxKind.LineCommentTrivia, start, _text[start.._position]));
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? _text.Length : end + 2;
                var comment = new SyntaxTrivia(SyntaxKind.BlockCommentTrivia, start, _text[start.._position]);
                trivia.Add(comment);
                if (end < 0) _diagnostics.Add(DiagnosticCatalog.UnterminatedComment(new Location(_source, new TextSpan(start, 2))));
                if (isTrailing && comment.Text.IndexOfAny(['\r', '\n']) >= 0)
                {
                    _atLineStart = false;
                    return;
                }
            }
            else
            {
                return;
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

    private SyntaxKind ReadString()
    {
        var start = _position;
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            var end = _text.IndexOf("\"\"\"", _position + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                _position = _text.Length;
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
            var c = _text[_position];
            if (c == '"') { _position++; return SyntaxKind.StringToken; }
            if (c is '\r' or '\n') break;
            _position += c == '\\' && _position + 1 < _text.Length && _text[_position + 1] is not ('\r' or '\n') ? 2 : 1;
        }
        _diagnostics.Add(DiagnosticCatalog.UnterminatedString(new Location(_source, TextSpan.FromBounds(start, _position))));
        return SyntaxKind.StringToken;
    }
}
