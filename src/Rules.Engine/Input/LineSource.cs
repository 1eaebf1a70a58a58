using System.Buffers;

namespace Rules.Engine.Input;

/// <summary>What <see cref="LineSource.Next"/> found.</summary>
internal enum LineKind
{
    End,
    Line,
    TooLong,
}

/// <summary>
/// Splits a stream into lines (or, when quote-aware, into CSV records that may span physical
/// lines) over one pooled buffer that grows only up to the line limit. A line longer than the
/// limit is skipped up to the next physical line break and reported as <see cref="LineKind.TooLong"/>.
/// A UTF-8 byte order mark at the start is skipped; "\r\n" and "\n" both end a line.
/// </summary>
internal sealed class LineSource : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int _maxLineBytes;
    private readonly bool _quoteAware;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scan;
    private bool _inQuotes;
    private int _pendingNewlines;
    private bool _eof;
    private bool _started;
    private int _physicalLines;
    private long _bytesRead;

    public LineSource(Stream stream, int maxLineBytes, bool quoteAware, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _maxLineBytes = maxLineBytes;
        _quoteAware = quoteAware;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, maxLineBytes + 2));
    }

    /// <summary>Bytes read from the stream so far (for progress; runs ahead of the lines handed out by at most one buffer).</summary>
    public long BytesRead => _bytesRead;

    /// <summary>
    /// The next line without its line break. <paramref name="lineNumber"/> is the 1-based physical
    /// line where it starts. The span is valid until the next call.
    /// </summary>
    public LineKind Next(out ReadOnlySpan<byte> line, out int lineNumber)
    {
        if (!_started)
        {
            _started = true;
            while (_end < 3 && !_eof) Fill();
            if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = 3;
                _scan = 3;
            }
        }

        while (true)
        {
            var found = FindEnd();
            if (found >= 0)
            {
                lineNumber = _physicalLines + 1;
                _physicalLines += 1 + _pendingNewlines;
                line = TrimCarriageReturn(_buffer.AsSpan(_start, found - _start));
                _start = found + 1;
                ResetScan();
                return line.Length > _maxLineBytes ? LineKind.TooLong : LineKind.Line;
            }

            if (_end - _start > _maxLineBytes + 1)
            {
                lineNumber = _physicalLines + 1;
                SkipToNextPhysicalLine();
                line = default;
                return LineKind.TooLong;
            }

            if (_eof)
            {
                if (_start >= _end)
                {
                    line = default;
                    lineNumber = _physicalLines + 1;
                    return LineKind.End;
                }

                lineNumber = _physicalLines + 1;
                _physicalLines += 1 + _pendingNewlines;
                line = TrimCarriageReturn(_buffer.AsSpan(_start, _end - _start));
                _start = _end;
                ResetScan();
                return line.Length > _maxLineBytes ? LineKind.TooLong : LineKind.Line;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        if (!_leaveOpen) _stream.Dispose();
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private void ResetScan()
    {
        _scan = _start;
        _inQuotes = false;
        _pendingNewlines = 0;
    }

    /// <summary>The index of the byte that ends the current record, or -1; remembers how far it scanned.</summary>
    private int FindEnd()
    {
        if (!_quoteAware)
        {
            var index = _buffer.AsSpan(_scan, _end - _scan).IndexOf((byte)'\n');
            if (index >= 0) return _scan + index;
            _scan = _end;
            return -1;
        }

        while (_scan < _end)
        {
            var span = _buffer.AsSpan(_scan, _end - _scan);
            var index = span.IndexOfAny((byte)'\n', (byte)'"');
            if (index < 0)
            {
                _scan = _end;
                return -1;
            }

            var at = _scan + index;
            _scan = at + 1;
            if (_buffer[at] == (byte)'"')
            {
                _inQuotes = !_inQuotes;
            }
            else if (_inQuotes)
            {
                _pendingNewlines++;
            }
            else
            {
                return at;
            }
        }

        return -1;
    }

    private void SkipToNextPhysicalLine()
    {
        _physicalLines += 1;
        while (true)
        {
            var index = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (index >= 0)
            {
                _start += index + 1;
                ResetScan();
                return;
            }

            _start = 0;
            _end = 0;
            _scan = 0;
            if (_eof)
            {
                ResetScan();
                return;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            var length = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, length);
            _scan -= _start;
            _end = length;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var size = (int)Math.Min((long)_buffer.Length * 2, (long)_maxLineBytes + 2);
            if (size <= _buffer.Length) size = _buffer.Length + 1;
            var bigger = ArrayPool<byte>.Shared.Rent(size);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
            _bytesRead += read;
        }
    }
}
