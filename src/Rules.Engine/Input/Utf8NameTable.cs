using System.Text;

namespace Rules.Engine.Input;

/// <summary>
/// A fixed set of names (case fields or answer codes) found by their UTF-8 bytes, as they stand in
/// the input, without decoding or allocating: an open-addressing table over an FNV-1a hash, and
/// an exact byte comparison on every hit. Names of at most 8 bytes (answer codes such as
/// <c>2.4.1.a</c>, most field names) are also kept as integers (<see cref="ShortUtf8Key"/>) in a second table,
/// where a lookup is one integer comparison. Names that are not in the table are for the caller to
/// look up another way (the schema decides what an unlisted name means).
/// </summary>
internal sealed class Utf8NameTable<T>
    where T : class
{
    private readonly byte[][] _names;
    private readonly T[] _values;
    private readonly int[] _table;
    private readonly int _mask;

    // Names of 1 to 8 bytes: (packed bytes, length) → entry number + 1.
    private readonly ulong[] _shortKeys;
    private readonly int[] _shortLengths;
    private readonly int[] _shortEntries;
    private readonly int _shortShift;

    public Utf8NameTable(IEnumerable<(string Name, T Value)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        _names = [.. list.Select(e => Encoding.UTF8.GetBytes(e.Name))];
        _values = [.. list.Select(e => e.Value)];
        var size = 8;
        while (size < list.Count * 4) size *= 2;
        _table = new int[size];
        _mask = size - 1;
        for (var i = 0; i < _names.Length; i++)
        {
            var slot = (int)(Hash(_names[i]) & (uint)_mask);
            var duplicate = false;
            while (_table[slot] != 0)
            {
                if (_names[_table[slot] - 1].AsSpan().SequenceEqual(_names[i])) duplicate = true;
                slot = (slot + 1) & _mask;
            }

            if (!duplicate) _table[slot] = i + 1;
        }

        var shortBits = 4;
        while ((1 << shortBits) < list.Count * 4) shortBits++;
        _shortShift = 64 - shortBits;
        _shortKeys = new ulong[1 << shortBits];
        _shortLengths = new int[1 << shortBits];
        _shortEntries = new int[1 << shortBits];
        for (var i = 0; i < _names.Length; i++)
        {
            var name = _names[i];
            if (name.Length is 0 or > 8 || Find(name) != _values[i]) continue; // a repeated name keeps its first entry
            var key = ShortUtf8Key.Of(name);
            var slot = ShortSlot(key);
            while (_shortEntries[slot] != 0) slot = (slot + 1) & (_shortEntries.Length - 1);
            _shortKeys[slot] = key;
            _shortLengths[slot] = name.Length;
            _shortEntries[slot] = i + 1;
        }
    }

    /// <summary>The value of the name with exactly these UTF-8 bytes, or null: by integer for short names.</summary>
    public T? FindFast(ReadOnlySpan<byte> utf8Name)
    {
        if (utf8Name.Length is 0 or > 8) return Find(utf8Name);
        var key = ShortUtf8Key.Of(utf8Name);
        var slot = ShortSlot(key);
        while (true)
        {
            var entry = _shortEntries[slot];
            if (entry == 0) return null;
            if (_shortKeys[slot] == key && _shortLengths[slot] == utf8Name.Length) return _values[entry - 1];
            slot = (slot + 1) & (_shortEntries.Length - 1);
        }
    }

    /// <summary>The value of the name with exactly these UTF-8 bytes, or null.</summary>
    public T? Find(ReadOnlySpan<byte> utf8Name)
    {
        var slot = (int)(Hash(utf8Name) & (uint)_mask);
        while (true)
        {
            var entry = _table[slot];
            if (entry == 0) return null;
            if (utf8Name.SequenceEqual(_names[entry - 1])) return _values[entry - 1];
            slot = (slot + 1) & _mask;
        }
    }

    private int ShortSlot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shortShift);

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
