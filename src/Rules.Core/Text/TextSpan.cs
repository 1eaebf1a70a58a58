namespace Rules.Core.Text;

/// <summary>A range of characters in a source text, in UTF-16 code units from the start.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>Contains the position, counting the end as inside (cursor positions in editors).</summary>
    public bool ContainsOrTouches(int position) => position >= Start && position <= End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    public override string ToString() => $"[{Start}..{End})";
}
