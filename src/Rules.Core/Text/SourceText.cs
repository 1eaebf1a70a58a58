using System.Collections.Immutable;

namespace Rules.Core.Text;

/// <summary>
/// The text of one source file with its line starts, so that character offsets (the currency of the
/// syntax tree) can be mapped to lines and UTF-16 columns at the edges (CLI output, LSP).
/// </summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> _lineStarts;

    public SourceText(string text, string path = "")
    {
        Text = text;
        Path = path;
        _lineStarts = ComputeLineStarts(text);
    }

    public string Text { get; }

    /// <summary>The file's path as given by whoever read it (workspace-relative where possible).</summary>
    public string Path { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    public ImmutableArray<int> LineStarts => _lineStarts;

    public override string ToString() => Text;

    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>The offset of a line/character position; positions past a line's end clamp to it.</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return Text.Length;
        var start = _lineStarts[position.Line];
        var end = GetLineEnd(position.Line);
        return Math.Min(start + Math.Max(0, position.Character), end);
    }

    /// <summary>End of the line's content, before its line break.</summary>
    public int GetLineEnd(int line)
    {
        var next = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        var end = next;
        if (end > _lineStarts[line] && end <= Text.Length && end > 0 && line + 1 < _lineStarts.Length)
        {
            if (Text[end - 1] == '\n') end--;
            if (end > _lineStarts[line] && Text[end - 1] == '\r') end--;
        }
        else if (line + 1 < _lineStarts.Length && Text[end - 1] == '\r')
        {
            end--;
        }
        return end;
    }

    public string GetLineText(int line) => Text[_lineStarts[line]..GetLineEnd(line)];

    private static ImmutableArray<int> ComputeLineStarts(string text)
    {
        // Sized for lines of ~50 characters, and the line breaks found with a vectorised search.
        var builder = ImmutableArray.CreateBuilder<int>(text.Length / 48 + 1);
        builder.Add(0);
        var span = text.AsSpan();
        var i = 0;
        while (true)
        {
            var next = span[i..].IndexOfAny('\r', '\n');
            if (next < 0) break;
            i += next;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            i++;
            builder.Add(i);
        }
        return builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();
    }
}
