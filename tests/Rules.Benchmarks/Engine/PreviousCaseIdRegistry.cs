using System.Text;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// The engine's case id registry before the byte-arena version (commit 770a357), kept for the
/// side-by-side comparison of engine-ids. The ids seen so far with the line of their first case, kept compactly for inputs of millions of
/// cases: ids as UTF-8 in large shared chunks, entries (where the bytes are, the line) in fixed
/// blocks that are never copied, and an open-addressing table whose slots hold each entry's hash
/// beside its number, so that a probe touches the table alone until the hashes match. No object
/// per id. Exact: ids are compared byte for byte, never by hash alone.
/// </summary>
internal sealed class PreviousCaseIdRegistry
{
    private const int ChunkSize = 1 << 20;
    private const int BlockBits = 16;
    private const int BlockSize = 1 << BlockBits;

    private readonly List<byte[]> _chunks = [];
    private readonly List<Entry[]> _blocks = [];
    private int _chunkUsed = ChunkSize;
    private ulong[] _table = new ulong[4096];
    private int _count;
    private byte[] _scratch = new byte[256];

    public int Count => _count;

    /// <summary>The bytes of the arrays the registry holds.</summary>
    internal long HeldBytes => (_chunks.Count * (long)ChunkSize) + (_blocks.Count * (long)BlockSize * 16) + (_table.Length * 8L);

    /// <summary>Adds the id, or gives the line of its first case when it was seen before.</summary>
    public bool TryAdd(string id, int line, out int firstLine)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (_scratch.Length < maxBytes) _scratch = new byte[Math.Max(maxBytes, _scratch.Length * 2)];
        var length = Encoding.UTF8.GetBytes(id, _scratch);
        return TryAdd(_scratch.AsSpan(0, length), line, out firstLine);
    }

    /// <summary>Adds the id given as UTF-8, or gives the line of its first case when it was seen before.</summary>
    public bool TryAdd(ReadOnlySpan<byte> id, int line, out int firstLine)
    {
        var hash = Hash(id);
        var mask = _table.Length - 1;
        var slot = (int)hash & mask;
        while (_table[slot] != 0)
        {
            var stored = _table[slot];
            if ((uint)(stored >> 32) == hash)
            {
                ref var entry = ref EntryAt((int)(uint)stored - 1);
                if (entry.Length == id.Length && id.SequenceEqual(_chunks[entry.Chunk].AsSpan(entry.Offset, entry.Length)))
                {
                    firstLine = entry.Line;
                    return false;
                }
            }

            slot = (slot + 1) & mask;
        }

        if (_chunkUsed + id.Length > ChunkSize || _chunks.Count == 0)
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, id.Length)]);
            _chunkUsed = 0;
        }

        var chunk = _chunks.Count - 1;
        id.CopyTo(_chunks[chunk].AsSpan(_chunkUsed));
        if ((_count & (BlockSize - 1)) == 0 && _count >> BlockBits == _blocks.Count) _blocks.Add(new Entry[BlockSize]);
        EntryAt(_count) = new Entry(chunk, _chunkUsed, id.Length, line);
        _chunkUsed += id.Length;
        _count++;
        _table[slot] = ((ulong)hash << 32) | (uint)_count;
        if (_count * 4 > _table.Length * 3) Grow();
        firstLine = line;
        return true;
    }

    private ref Entry EntryAt(int index) => ref _blocks[index >> BlockBits][index & (BlockSize - 1)];

    private void Grow()
    {
        var table = new ulong[_table.Length * 2];
        var mask = table.Length - 1;
        foreach (var stored in _table)
        {
            if (stored == 0) continue;
            var slot = (int)(stored >> 32) & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = stored;
        }

        _table = table;
    }

    /// <summary>FNV-1a over the bytes, then mixed so that the low bits (the table slot) depend on all of them.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return hash;
    }

    private readonly record struct Entry(int Chunk, int Offset, int Length, int Line);
}
