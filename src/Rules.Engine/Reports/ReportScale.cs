using System.Collections.Immutable;
using Rules.Core.Semantics;

namespace Rules.Engine.Reports;

/// <summary>The rating scale as the writers need it: levels best first, with labels and bounds.</summary>
public sealed record ReportScale(ImmutableArray<ReportLevel> Levels)
{
    // Best to worst: green, light green, amber, red; other level counts pick evenly from these.
    private static readonly string[] Palette = ["#1b7a3a", "#6aa84f", "#e69b00", "#c0392b"];

    /// <summary>The levels of LANGUAGE.md's example scale (80/65/50/0%).</summary>
    public static ReportScale Standard { get; } = new(
    [
        new ReportLevel("outstanding", "Outstanding", 3, 80),
        new ReportLevel("good", "Good", 2, 65),
        new ReportLevel("requires_improvement", "Requires improvement", 1, 50),
        new ReportLevel("inadequate", "Inadequate", 0, 0),
    ]);

    /// <summary>The scale of a bound framework, levels in declaration order (best first).</summary>
    public static ReportScale From(ScaleSymbol scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return new ReportScale([.. scale.Levels.Select(l => new ReportLevel(l.Name, l.Label, l.Score, l.Bound))]);
    }

    /// <summary>The level's position, best first; -1 for null or an unknown name.</summary>
    public int IndexOf(string? level)
    {
        if (level is null) return -1;
        for (var i = 0; i < Levels.Length; i++)
        {
            if (Levels[i].Name == level) return i;
        }

        return -1;
    }

    /// <summary>The label of a level; the name itself when the scale does not know it; "Not rated" for null.</summary>
    public string LabelOf(string? level) =>
        level is null ? "Not rated" : IndexOf(level) is var i and >= 0 ? Levels[i].Label : level;

    /// <summary>A colour (CSS hex) for a level; grey when not rated or unknown.</summary>
    public string ColorOf(string? level)
    {
        var index = IndexOf(level);
        if (index < 0) return "#8a8f98";
        if (Levels.Length <= 1) return Palette[0];
        var position = (int)Math.Round(index * (Palette.Length - 1) / (double)(Levels.Length - 1), MidpointRounding.AwayFromZero);
        return Palette[position];
    }
}
