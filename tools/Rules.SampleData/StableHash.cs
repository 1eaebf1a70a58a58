namespace Rules.SampleData;

/// <summary>A hash of text that is the same on every run and machine (FNV-1a), unlike <see cref="string.GetHashCode()"/>.</summary>
public static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }

    /// <summary>A number in [0, 1) fixed for the text.</summary>
    public static double Unit(string text) => Of(text) / 4294967296.0;
}
