using System.Collections.Immutable;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Documents;

/// <summary>
/// Maps between offsets in a text (UTF-16 code units, i.e. C# <see cref="char"/> indexes) and LSP positions
/// (zero-based line, UTF-16 character). Lines end at <c>\r\n</c>, <c>\n</c> or <c>\r</c>. A character of a
/// non-BMP code point (a surrogate pair) counts 2, as in the LSP's default utf-16 encoding; curly quotes count 1.
/// Positions past the end of a line clamp to the line's end (before its line break), positions past the
/// last line clamp to the end of the text, as the LSP specifies.
/// </summary>
public sealed class LineIndex
{
    private readonly ImmutableArray<int> _lineStarts;
    private readonly ImmutableArray<int> _contentEnds;

    public LineIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Length = text.Length;
        var starts = ImmutableArray.CreateBuilder<int>();
        var ends = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && c != '\r') continue;
            ends.Add(i);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            starts.Add(i + 1);
        }
        ends.Add(text.Length);
        _lineStarts = starts.ToImmutable();
        _contentEnds = ends.ToImmutable();
    }

    /// <summary>The text's length in UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary>The number of lines; an empty text, or one ending in a line break, has an empty last line.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The offset of the first character of <paramref name="line"/>.</summary>
    public int GetLineStart(int line) => _lineStarts[CheckLine(line)];

    /// <summary>The length of <paramref name="line"/> without its line break.</summary>
    public int GetLineLength(int line) => _contentEnds[CheckLine(line)] - _lineStarts[line];

    /// <summary>The offset just after <paramref name="line"/>'s content (where its line break starts).</summary>
    public int GetLineContentEnd(int line) => _contentEnds[CheckLine(line)];

    /// <summary>The line containing <paramref name="offset"/> (clamped to the text).</summary>
    public int GetLine(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The position of <paramref name="offset"/>; offsets inside a line break map to the end of its line.</summary>
    public Position GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var line = GetLine(offset);
        var character = Math.Min(offset, _contentEnds[line]) - _lineStarts[line];
        return new Position(line, character);
    }

    /// <summary>The offset of <paramref name="position"/>, clamped to the line and the text.</summary>
    public int GetOffset(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.Line < 0) return 0;
        if (position.Line >= LineCount) return Length;
        var start = _lineStarts[position.Line];
        return start + Math.Clamp(position.Character, 0, _contentEnds[position.Line] - start);
    }

    /// <summary>True when <paramref name="position"/> lies in the text without clamping.</summary>
    public bool IsValid(Position position) =>
        position.Line >= 0 && position.Line < LineCount && position.Character >= 0
        && position.Character <= _contentEnds[position.Line] - _lineStarts[position.Line];

    public Range GetRange(int startOffset, int endOffset) => new(GetPosition(startOffset), GetPosition(endOffset));

    /// <summary>The offsets of <paramref name="range"/>, clamped; a reversed range is put in order.</summary>
    public (int Start, int End) GetOffsets(Range range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var start = GetOffset(range.Start);
        var end = GetOffset(range.End);
        return start <= end ? (start, end) : (end, start);
    }

    private int CheckLine(int line)
    {
        if (line < 0 || line >= LineCount)
            throw new ArgumentOutOfRangeException(nameof(line), line, $"The text has lines 0 to {LineCount - 1}.");
        return line;
    }
}
