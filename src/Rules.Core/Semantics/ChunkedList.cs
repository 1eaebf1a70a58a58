using System.Collections;

namespace Rules.Core.Semantics;

/// <summary>
/// A list that grows by whole chunks of a fixed size: adding never copies what is there and never reserves more than
/// one chunk ahead. The binder's lists of references and of pending work are filled once, item by item, to a length
/// known only at the end; a <see cref="List{T}"/> there either reserved far too much or grew by copying, and both
/// were garbage the collector had to deal with while a large check was being built.
/// </summary>
internal sealed class ChunkedList<T> : IReadOnlyList<T>
{
    private const int ChunkBits = 8;
    private const int ChunkSize = 1 << ChunkBits;
    private const int Mask = ChunkSize - 1;

    private T[][] _chunks = [];
    private int _count;

    public int Count => _count;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return _chunks[index >> ChunkBits][index & Mask];
        }
    }

    public void Add(T item)
    {
        var chunk = _count >> ChunkBits;
        if (chunk == _chunks.Length) Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2)); // the table of chunks only
        var items = _chunks[chunk] ??= new T[ChunkSize];
        items[_count & Mask] = item;
        _count++;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(ChunkedList<T> list) : IEnumerator<T>
    {
        private int _index = -1;

        public readonly T Current => list._chunks[_index >> ChunkBits][_index & Mask];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < list._count;

        public void Reset() => _index = -1;

        public readonly void Dispose() { }
    }
}
