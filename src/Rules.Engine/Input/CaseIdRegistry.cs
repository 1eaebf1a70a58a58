using System.Text;

namespace Rules.Engine.Input;

/// <summary>
/// The ids seen so far with the line of their first case, kept compactly for inputs of millions of
/// cases: ids as UTF-8 in large shared chunks, an open-addressing table of entry numbers, and no
/// object per id. Exact: ids are compared byte for byte, never by hash alone.
/// </summary>
internal sealed class CaseIdRegistry
{
    private const int ChunkSize = 1 << 20;

    private readonly List<byte[]> _chunks = [];
    private int _chunkUsed = ChunkSize;
    private Entry[] _entries = new Entry[1024];
    private int[] _table = new int[2048];
    private int _count;
    private byte[] _scratch = new byte[256];

    public int Count => _count;

    /// <summary>Adds the id, or gives the line of its first case when it was seen before.</summary>
    public bool TryAdd(string id, int line, out int firstLine)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (_scratch.Length < maxBytes) _scratch = new byte[Math.Max(maxBytes, _scratch.Length * 2)];
        var length = Encoding.UTF8.GetBytes(id, _scratch);
        var bytes = _scratch.AsSpan(0, length);
        var hash = id.GetHashCode(StringComparison.Ordinal);

        var mask = _table.Length - 1;
        var slot = hash & mask;
        while (_table[slot] != 0)
        {
            ref var entry = ref _entries[_table[slot] - 1];
            if (entry.Hash == hash && entry.Length == length && bytes.SequenceEqual(_chunks[entry.Chunk].AsSpan(entry.Offset, entry.Length)))
            {
                firstLine = entry.Line;
                return false;
            }

            slot = (slot + 1) & mask;
        }

        if (_chunkUsed + length > ChunkSize || _chunks.Count == 0)
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, length)]);
            _chunkUsed = 0;
        }

        var chunk = _chunks.Count - 1;
        bytes.CopyTo(_chunks[chunk].AsSpan(_chunkUsed));
        if (_count == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
        _entries[_count] = new Entry(hash, chunk, _chunkUsed, length, line);
        _chunkUsed += length;
        _count++;
        _table[slot] = _count;
        if (_count * 2 > _table.Length) Grow();
        firstLine = line;
        return true;
    }

    private void Grow()
    {
        var table = new int[_table.Length * 2];
        var mask = table.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = _entries[i].Hash & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = i + 1;
        }

        _table = table;
    }

    private readonly record struct Entry(int Hash, int Chunk, int Offset, int Length, int Line);
}
