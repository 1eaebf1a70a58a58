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
        // Final mixing (MurmurHash3's fmix32), so that texts differing in their last character spread apart.
        hash ^= hash >> 16;
        hash *= 0x85ebca6bu;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35u;
        hash ^= hash >> 16;
        return hash;
    }

    /// <summary>A number in [0, 1) fixed for the text.</summary>
    public static double Unit(string text) => Of(text) / 4294967296.0;
}
