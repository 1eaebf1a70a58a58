using System.Runtime.CompilerServices;
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

    private TokenTable.Builder _tokens;

    /// <param name="textIds">An empty table lent for numbering the file's texts (see <see cref="ParseBuffers"/>), or null.</param>
    public Lexer(SourceText source, List<Diagnostic> diagnostics, Dictionary<string, int>? textIds = null)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
        _tokens = new TokenTable.Builder(_text, Math.Max(16, _text.Length / 10), textIds); // a token every 12 characters or so (10–20 in the frameworks here)
    }

    /// <summary>The file's tokens (the last is the end of the file), as a table of values.</summary>
    public TokenTable Lex()
    {
        // Trivia are only skipped: a token keeps where its trivia start and end, and splits them out of
        // the text when asked (SyntaxToken.LeadingTrivia), so no trivia objects are made here.
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
            var textId = isText ? -1 : _tokens.TextId(_text.AsSpan(start, end - start));
            if (isText && !SawTextWithoutWords) NoteText(start, end);
            _atLineStart = false;
            if (kind != SyntaxKind.EndOfFileToken) SkipTrivia(isTrailing: true);
            _tokens.Add(kind, start, end - start, textId, fullStart, _position, startsLine);
            if (kind == SyntaxKind.EndOfFileToken) break;
        }
        return _tokens.ToTable();
    }

    // Out of line: inlined, it made the token loop too large for the JIT to inline what the loop calls on every token.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NoteText(int start, int end) => SawTextWithoutWords = StringValues.MayBeWithoutWords(_text.AsSpan(start, end - start));

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
