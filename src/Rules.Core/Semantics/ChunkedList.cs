using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rules.Core.Semantics;

/// <summary>
/// A list that grows by whole chunks: adding never copies what is there and never reserves more than one chunk ahead.
/// The binder's lists of references and of pending work are filled once, item by item, to a length known only at
/// the end; a <see cref="List{T}"/> there either reserved far too much or grew by copying, and both were garbage the
/// collector had to deal with while a large check was being built.
/// </summary>
/// <remarks>
/// Chunks start small (16 items) and double up to a largest size, then stay at it, so a short list (a small file's
/// references) stays small. A list kept as long as its model can ask for large chunks: chunks of 85,000 bytes or
/// more are large objects, which the collector does not copy (see <see cref="ForKeeping"/>).
/// </remarks>
internal sealed class ChunkedList<T> : IReadOnlyList<T>
{
    private const int FirstChunkBits = 4;

    private readonly int _largestChunkBits;
    private readonly int _growingCapacity; // how many items the chunks that double hold together
    private readonly int _growingChunks;
    private T[][] _chunks = [];
    private int _count;

    /// <summary>A list for work in hand: chunks of at most 256 items.</summary>
    public ChunkedList() : this(8) { }

    private ChunkedList(int largestChunkBits)
    {
        _largestChunkBits = largestChunkBits;
        _growingChunks = largestChunkBits - FirstChunkBits + 1;
        _growingCapacity = (1 << (largestChunkBits + 1)) - (1 << FirstChunkBits);
    }

    /// <summary>A list kept as long as its model: once it is long, its chunks are large objects (at least 85,000
    /// bytes), which the collector neither copies nor, for items without references, walks.</summary>
    public static ChunkedList<T> ForKeeping()
    {
        var bits = FirstChunkBits;
        while ((1 << bits) * Unsafe.SizeOf<T>() < 85_000) bits++;
        return new ChunkedList<T>(bits);
    }

    public int Count => _count;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            var (chunk, offset) = Locate(index);
            return _chunks[chunk][offset];
        }
    }

    /// <summary>Which chunk holds the item at an index, and where in it.</summary>
    private (int Chunk, int Offset) Locate(int index)
    {
        if (index < _growingCapacity)
        {
            var chunk = BitOperations.Log2((uint)(index >> FirstChunkBits) + 1);
            return (chunk, index - (((1 << chunk) - 1) << FirstChunkBits));
        }
        var beyond = index - _growingCapacity;
        return (_growingChunks + (beyond >> _largestChunkBits), beyond & ((1 << _largestChunkBits) - 1));
    }

    private int ChunkSize(int chunk) => 1 << Math.Min(FirstChunkBits + chunk, _largestChunkBits);

    public void Add(T item)
    {
        var (chunk, offset) = Locate(_count);
        if (chunk == _chunks.Length) Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2)); // the table of chunks only
        var items = _chunks[chunk] ??= new T[ChunkSize(chunk)];
        items[offset] = item;
        _count++;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the chunks in order (no division per item).</summary>
    public struct Enumerator(ChunkedList<T> list) : IEnumerator<T>
    {
        private int _chunk;
        private int _offset = -1;
        private int _seen;

        public readonly T Current => list._chunks[_chunk][_offset];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_seen >= list._count) return false;
            _seen++;
            if (++_offset == list.ChunkSize(_chunk))
            {
                _chunk++;
                _offset = 0;
            }
            return true;
        }

        public void Reset() => (_chunk, _offset, _seen) = (0, -1, 0);

        public readonly void Dispose() { }
    }
}
