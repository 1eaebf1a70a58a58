using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Rules.Engine.Input;

/// <summary>
/// The ids seen so far with the line of their first case, kept compactly for inputs of millions of
/// cases, with exact duplicate detection. Each id is stored once in a byte arena (large chunks
/// written in order): its first line, its length and its UTF-8 bytes, no object per id. An
/// open-addressing table of 64-bit slots finds it: the top 28 bits of the id's 64-bit hash beside
/// the 36-bit arena position. A probe reads the table alone until the stored hash bits match, and
/// only then compares the bytes (a hash alone is never trusted). The table is indexed by the top
/// bits of the hash, so growing it reads the old table in order and writes the new one almost in
/// order, without reading the arena (up to 2^28 slots).
/// </summary>
internal sealed class CaseIdRegistry
{
    private const int TagBits = 28;
    private const int PositionBits = 64 - TagBits;
    private const ulong PositionMask = (1UL << PositionBits) - 1;
    private const int ChunkBits = 22;
    private const int ChunkSize = 1 << ChunkBits;
    private const int FirstTableBits = 12;

    // Chunk 0 is never used, so that no slot in use holds 0 (the empty slot).
    private readonly List<byte[]> _chunks = [[]];
    private readonly ulong _seed = (ulong)Random.Shared.NextInt64() | 1;
    private int _chunkUsed = ChunkSize;
    private int _tableBits = FirstTableBits;
    private ulong[] _table = new ulong[1 << FirstTableBits];
    private int _count;
    private byte[] _scratch = new byte[256];

    public int Count => _count;

    /// <summary>The bytes of the arrays the registry holds (for the benchmarks).</summary>
    internal long HeldBytes => _chunks.Sum(c => (long)c.Length) + (_table.Length * 8L);

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
        var hash = Hash(id, _seed);
        var tag = hash >> PositionBits;
        var table = _table;
        var mask = table.Length - 1;
        var slot = (int)(hash >> (64 - _tableBits));
        while (true)
        {
            var stored = table[slot];
            if (stored == 0) break;
            if (stored >> PositionBits == tag && Matches(stored & PositionMask, id, out firstLine)) return false;
            slot = (slot + 1) & mask;
        }

        table[slot] = (tag << PositionBits) | Append(id, line);
        _count++;
        if (_count > table.Length / 4 * 3) Grow();
        firstLine = line;
        return true;
    }

    /// <summary>Whether the id stored at the position is these bytes; if so, its first line.</summary>
    private bool Matches(ulong position, ReadOnlySpan<byte> id, out int firstLine)
    {
        var stored = Stored(position, out firstLine);
        return stored.SequenceEqual(id);
    }

    /// <summary>The bytes of the id stored at an arena position, and its line.</summary>
    private ReadOnlySpan<byte> Stored(ulong position, out int line)
    {
        var chunk = _chunks[(int)(position >> ChunkBits)].AsSpan((int)(position & (ChunkSize - 1)));
        line = BinaryPrimitives.ReadInt32LittleEndian(chunk);
        var length = 0;
        var at = 4;
        for (var shift = 0; ; shift += 7)
        {
            var b = chunk[at++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80) break;
        }

        return chunk.Slice(at, length);
    }

    /// <summary>Stores the line, the length (7 bits a byte) and the bytes; gives the arena position.</summary>
    private ulong Append(ReadOnlySpan<byte> id, int line)
    {
        var size = 4 + 5 + id.Length;
        // Offsets stay below ChunkSize (they share the position with the chunk number): after an id with a chunk of its own, a new chunk.
        if (_chunkUsed + size > Math.Min(_chunks[^1].Length, ChunkSize))
        {
            // A new chunk; an id larger than a chunk gets a chunk of its own.
            if (((long)_chunks.Count << ChunkBits) > (long)PositionMask)
                throw new InvalidOperationException("Too many case ids to check for repeats (the registry holds at most 64 GB of ids).");
            _chunks.Add(new byte[Math.Max(ChunkSize, size)]);
            _chunkUsed = 0;
        }

        var position = ((ulong)(_chunks.Count - 1) << ChunkBits) | (uint)_chunkUsed;
        var chunk = _chunks[^1].AsSpan(_chunkUsed);
        BinaryPrimitives.WriteInt32LittleEndian(chunk, line);
        var at = 4;
        var length = (uint)id.Length;
        while (length >= 0x80)
        {
            chunk[at++] = (byte)(length | 0x80);
            length >>= 7;
        }

        chunk[at++] = (byte)length;
        id.CopyTo(chunk[at..]);
        _chunkUsed += at + id.Length;
        return position;
    }

    private void Grow()
    {
        var bits = _tableBits + 1;
        var table = new ulong[1 << bits];
        var mask = table.Length - 1;

        // The old table is read in order; home slots (the top bits of the hash) come out nearly in order too.
        foreach (var stored in _table)
        {
            if (stored == 0) continue;
            var slot = bits <= TagBits
                ? (int)((stored >> PositionBits) >> (TagBits - bits))
                : (int)(Hash(Stored(stored & PositionMask, out _), _seed) >> (64 - bits));
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = stored;
        }

        _table = table;
        _tableBits = bits;
    }

    /// <summary>A 64-bit hash of the bytes, eight at a time, mixed so that its top bits depend on all of them.</summary>
    private static ulong Hash(ReadOnlySpan<byte> bytes, ulong seed)
    {
        var hash = seed ^ ((ulong)bytes.Length * 0x9E3779B97F4A7C15UL);
        while (bytes.Length >= 8)
        {
            var word = MemoryMarshal.Read<ulong>(bytes);
            hash = BitOperations.RotateLeft(hash ^ (word * 0xA24BAED4963EE407UL), 29) * 0x9FB21C651E98DF25UL;
            bytes = bytes[8..];
        }

        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            for (var i = bytes.Length - 1; i >= 0; i--) tail = (tail << 8) | bytes[i];
            hash = BitOperations.RotateLeft(hash ^ (tail * 0xA24BAED4963EE407UL), 29) * 0x9FB21C651E98DF25UL;
        }

        hash ^= hash >> 32;
        hash *= 0xD6E8FEB86659FD93UL;
        hash ^= hash >> 32;
        hash *= 0xD6E8FEB86659FD93UL;
        hash ^= hash >> 32;
        return hash;
    }
}
