namespace Rules.Engine.Input;

/// <summary>
/// Remembers, for each position in an object, the property name seen there last time and what it
/// resolved to. Case assessments almost always list their fields and codes in the same order, so
/// most lookups become one byte comparison instead of a decode and a hash.
/// </summary>
internal sealed class NameCache<T>
    where T : class
{
    private const int Positions = 512;

    private readonly byte[]?[] _names = new byte[Positions][];
    private readonly T?[] _values = new T?[Positions];

    /// <summary>The remembered value when the name at this position is the same as last time.</summary>
    public T? Find(int position, ReadOnlySpan<byte> utf8Name)
    {
        if ((uint)position >= Positions) return null;
        var name = _names[position];
        return name is not null && utf8Name.SequenceEqual(name) ? _values[position] : null;
    }

    public void Remember(int position, ReadOnlySpan<byte> utf8Name, T value)
    {
        if ((uint)position >= Positions || utf8Name.Length > 256) return;
        _names[position] = utf8Name.ToArray();
        _values[position] = value;
    }
}
