namespace Rules.Core.Diagnostics;

/// <summary>Finds the nearest known name for "did you mean" messages.</summary>
public static class Suggestions
{
    private const int MaxNameLength = 200;

    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // The distance table is quadratic; names this long are not typos worth suggesting.
            if (name.Length > MaxNameLength || candidate.Length > MaxNameLength) continue;
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        // Far-fetched suggestions confuse more than they help.
        var limit = Math.Max(2, name.Length / 2);
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }

    /// <summary>What applying a diagnostic's suggestion does, in a few words (a quick fix's title, a SARIF fix's description).</summary>
    public static string FixTitle(string suggestion) =>
        suggestion.Length == 0 ? "Remove it"
        : suggestion.StartsWith('"') ? "Use straight quotes (\")" // a text in curly quotes: its replacement need not be repeated
        : $"Change to '{suggestion.Trim()}'";

    public static string DidYouMean(string? suggestion) =>
        suggestion is null ? "." : $"; did you mean '{suggestion}'?";
}
