namespace Rules.Core.Semantics;

/// <summary>
/// Orders codes such as <c>2</c>, <c>2.1</c>, <c>2.10</c> part by part as numbers (2.9 before 2.10); a part that is
/// not a number (a code with an error) sorts after the numbers, by its text.
/// </summary>
public static class CodeOrder
{
    public static int Compare(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var x = a.AsSpan();
        var y = b.AsSpan();
        while (true)
        {
            var xDot = x.IndexOf('.');
            var yDot = y.IndexOf('.');
            var order = ComparePart(xDot < 0 ? x : x[..xDot], yDot < 0 ? y : y[..yDot]);
            if (order != 0) return order;
            if (xDot < 0 || yDot < 0) return xDot < 0 ? (yDot < 0 ? 0 : -1) : 1; // 2.1 before 2.1.1
            x = x[(xDot + 1)..];
            y = y[(yDot + 1)..];
        }
    }

    private static int ComparePart(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        var xNumber = int.TryParse(x, out var m);
        var yNumber = int.TryParse(y, out var n);
        if (xNumber && yNumber) return m.CompareTo(n);
        if (xNumber != yNumber) return xNumber ? -1 : 1;
        return x.SequenceCompareTo(y);
    }
}
