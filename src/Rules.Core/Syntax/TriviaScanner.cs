using System.Collections.Immutable;

namespace Rules.Core.Syntax;

/// <summary>
/// Splits a stretch of source text that holds only trivia (whitespace, line breaks, comments) into
/// its pieces. The lexer skips trivia with <see cref="Skip"/> and keeps only where each token's
/// trivia start and end; a token lists its trivia with <see cref="Split"/> when asked for them, so a
/// parsed file holds no trivia objects (the two agree by construction: both scan with <see cref="Next"/>).
/// </summary>
internal static class TriviaScanner
{
    /// <summary>Runs of up to 64 spaces, the usual indentation, shared rather than cut from the text each time.</summary>
    private static readonly string[] Spaces = [.. Enumerable.Range(0, 65).Select(n => new string(' ', n))];

    /// <summary>
    /// The kind and end of the trivia starting at <paramref name="start"/> (which must be below
    /// <paramref name="limit"/>), or <see cref="SyntaxKind.None"/> when a token starts there.
    /// A block comment without its end runs to the limit.
    /// </summary>
    public static SyntaxKind Next(string text, int start, int limit, out int end)
    {
        var c = text[start];
        end = start;
        if (c is ' ' or '\t' or '\f' or '\v' or '\u00A0' or '\uFEFF')
        {
            end = start + 1;
            while (end < limit && text[end] is ' ' or '\t' or '\f' or '\v' or '\u00A0' or '\uFEFF') end++;
            return SyntaxKind.WhitespaceTrivia;
        }
        if (c is '\r' or '\n')
        {
            end = start + (c == '\r' && start + 1 < limit && text[start + 1] == '\n' ? 2 : 1);
            return SyntaxKind.EndOfLineTrivia;
        }
        if (c == '/' && start + 1 < limit && text[start + 1] == '/')
        {
            end = start + 2;
            while (end < limit && text[end] is not ('\r' or '\n')) end++;
            return SyntaxKind.LineCommentTrivia;
        }
        if (c == '/' && start + 1 < limit && text[start + 1] == '*')
        {
            var close = text.AsSpan(start + 2, limit - start - 2).IndexOf("*/", StringComparison.Ordinal);
            end = close < 0 ? limit : start + 2 + close + 2;
            return SyntaxKind.BlockCommentTrivia;
        }
        return SyntaxKind.None;
    }

    /// <summary>The trivia of <c>text[start..end]</c>, which holds nothing else.</summary>
    public static ImmutableArray<SyntaxTrivia> Split(string text, int start, int end)
    {
        if (start >= end) return ImmutableArray<SyntaxTrivia>.Empty;
        var builder = ImmutableArray.CreateBuilder<SyntaxTrivia>(2);
        while (start < end)
        {
            var kind = Next(text, start, end, out var next);
            if (kind == SyntaxKind.None) next = end; // not trivia: cannot happen for a lexed token, kept whole rather than lost
            builder.Add(new SyntaxTrivia(kind == SyntaxKind.None ? SyntaxKind.WhitespaceTrivia : kind, start, TextOf(kind, text, start, next)));
            start = next;
        }
        return builder.DrainToImmutable();
    }

    private static string TextOf(SyntaxKind kind, string text, int start, int end)
    {
        var length = end - start;
        if (kind == SyntaxKind.EndOfLineTrivia) return length == 2 ? "\r\n" : text[start] == '\n' ? "\n" : "\r";
        if (kind == SyntaxKind.WhitespaceTrivia && length < Spaces.Length && text.AsSpan(start, length).IndexOfAnyExcept(' ') < 0) return Spaces[length];
        return text.Substring(start, length);
    }
}
