namespace Rules.Core.Text;

/// <summary>A zero-based line and a zero-based column counted in UTF-16 code units (as LSP does).</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public override string ToString() => $"({Line + 1},{Character + 1})";
}

/// <summary>A start and end position, both zero-based.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);
