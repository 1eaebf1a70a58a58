using System.Collections.Immutable;
using System.Text;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>
/// Source text with markers, for feature tests: <c>$$</c> marks the cursor, <c>[|...|]</c> marks spans.
/// <c>TestSource.Parse("prompt a \"x\" : Yes$$No")</c> gives the text without markers and the cursor position.
/// </summary>
public sealed record TestSource(string Text, Position? Cursor, ImmutableArray<Range> Spans, int? CursorOffset)
{
    public const string CursorMarker = "$$";
    public const string SpanStart = "[|";
    public const string SpanEnd = "|]";

    /// <summary>The cursor; throws when the source has no <c>$$</c>.</summary>
    public Position Position => Cursor ?? throw new InvalidOperationException("The test source has no $$ cursor marker.");

    public static TestSource Parse(string marked)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var text = new StringBuilder(marked.Length);
        int? cursor = null;
        var openSpans = new Stack<int>();
        var spanOffsets = new List<(int Start, int End)>();
        for (var i = 0; i < marked.Length;)
        {
            if (string.CompareOrdinal(marked, i, CursorMarker, 0, 2) == 0)
            {
                if (cursor is not null) throw new ArgumentException("The test source has more than one $$ cursor marker.");
                cursor = text.Length;
                i += 2;
            }
            else if (string.CompareOrdinal(marked, i, SpanStart, 0, 2) == 0)
            {
                openSpans.Push(text.Length);
                i += 2;
            }
            else if (string.CompareOrdinal(marked, i, SpanEnd, 0, 2) == 0)
            {
                if (openSpans.Count == 0) throw new ArgumentException($"The test source closes a span at {i} that was not opened.");
                spanOffsets.Add((openSpans.Pop(), text.Length));
                i += 2;
            }
            else
            {
                text.Append(marked[i]);
                i++;
            }
        }

        if (openSpans.Count > 0) throw new ArgumentException("The test source has a [| span that is not closed.");
        var plain = text.ToString();
        var lines = new LineIndex(plain);
        var spans = spanOffsets.OrderBy(s => s.Start).ThenBy(s => s.End)
            .Select(s => lines.GetRange(s.Start, s.End)).ToImmutableArray();
        return new TestSource(plain, cursor is { } c ? lines.GetPosition(c) : null, spans, cursor);
    }
}
