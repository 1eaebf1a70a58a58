using System.Text;

namespace Rules.Core.Syntax;

/// <summary>Turns the source text of string tokens into their values.</summary>
public static class StringValues
{
    /// <summary>
    /// Whether a quoted text as written (quotes included) may have no word in it: it is blank between its quotes, or
    /// it has an escape, so only its value can tell.
    /// </summary>
    public static bool MayBeWithoutWords(ReadOnlySpan<char> quoted)
    {
        var inner = quoted.Trim('"');
        return inner.IsWhiteSpace() || inner.Contains('\\');
    }

    public static string Single(string token) => Single(token.AsSpan());

    /// <summary>The value of a one-line string token's text (read in place: a parsed token's text stays in the file's text).</summary>
    public static string Single(ReadOnlySpan<char> token)
    {
        if (token.Length == 0) return "";
        // “Curly quotes” (reported by the lexer) hold plain text: no escapes.
        if (token[0] == '\u201C') return token[1..(token[^1] == '\u201D' ? token.Length - 1 : token.Length)].ToString();
        var end = token.Length > 1 && token[^1] == '"' && !EndsWithEscapedQuote(token) ? token.Length - 1 : token.Length;
        var inner = token[1..end];
        if (inner.IndexOf('\\') < 0) return inner.ToString(); // the usual case: nothing to resolve
        var builder = new StringBuilder(end);
        for (var i = 1; i < end; i++)
        {
            var c = token[i];
            if (c == '\\' && i + 1 < end)
            {
                var next = token[++i];
                builder.Append(next switch { 'n' => '\n', 't' => '\t', _ => next });
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool EndsWithEscapedQuote(ReadOnlySpan<char> token)
    {
        // "abc\" is unterminated: count the backslashes before the final quote.
        var count = 0;
        for (var i = token.Length - 2; i >= 1 && token[i] == '\\'; i--) count++;
        return count % 2 == 1 || token.Length == 1;
    }

    /// <summary>A triple-quoted text: the common leading indentation is removed, as is a first
    /// and last line that hold only whitespace.</summary>
    public static string Multi(string token)
    {
        var inner = token.Length >= 6 && token.EndsWith("\"\"\"", StringComparison.Ordinal)
            ? token[3..^3]
            : token.Length >= 3 ? token[3..] : "";
        var lines = inner.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[0])) lines.RemoveAt(0);
        if (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1])) lines.RemoveAt(lines.Count - 1);
        var indent = lines.Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Length - l.TrimStart(' ', '\t').Length)
            .DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.TrimEnd()));
    }
}
