using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// Reads base-protocol frames: ASCII header fields ending in <c>\r\n</c>, an empty line, then exactly
/// <c>Content-Length</c> bytes of UTF-8 content. Header names are case-insensitive, unknown headers are
/// ignored, <c>Content-Type</c> is optional (its charset must be utf-8, or the legacy utf8).
/// Bad framing is reported as an <see cref="FrameReadStatus.Error"/> and the reader recovers: when the
/// length is known the content is skipped; otherwise it looks for the next <c>Content-Length:</c> header.
/// Not thread-safe: one reader loop reads.
/// </summary>
public sealed class MessageFrameReader
{
    /// <summary>The default largest content accepted: 64 MiB.</summary>
    public const int DefaultMaxContentLength = 64 * 1024 * 1024;

    /// <summary>The largest header block accepted before the reader gives up on it.</summary>
    public const int MaxHeaderLength = 8 * 1024;

    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthName = "content-length:"u8.ToArray();

    private readonly PipeReader _reader;
    private readonly int _maxContentLength;
    private bool _resynchronizing;
    private bool _ended;

    public MessageFrameReader(Stream stream, int maxContentLength = DefaultMaxContentLength)
        : this(PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)), maxContentLength)
    {
    }

    public MessageFrameReader(PipeReader reader, int maxContentLength = DefaultMaxContentLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxContentLength);
        _reader = reader;
        _maxContentLength = maxContentLength;
    }

    public async ValueTask<FrameReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_ended) return FrameReadResult.EndOfStream;

        if (_resynchronizing)
        {
            var skipped = await SkipToNextHeaderAsync(cancellationToken).ConfigureAwait(false);
            if (!skipped)
            {
                _ended = true;
                return FrameReadResult.EndOfStream;
            }
        }

        // Header block.
        ReadOnlySequence<byte> buffer;
        SequencePosition headerEnd;
        while (true)
        {
            var read = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            buffer = read.Buffer;
            if (buffer.IsEmpty && read.IsCompleted)
            {
                _ended = true;
                return FrameReadResult.EndOfStream;
            }

            var terminator = Find(buffer, HeaderTerminator);
            if (terminator is { } found && buffer.Slice(0, found).Length <= MaxHeaderLength)
            {
                headerEnd = found;
                break;
            }

            if (terminator is not null || buffer.Length > MaxHeaderLength)
            {
                _reader.AdvanceTo(buffer.GetPosition(1));
                _resynchronizing = true;
                return FrameReadResult.Failure(
                    $"The message header is longer than {MaxHeaderLength} bytes without an empty line ending it; skipping to the next Content-Length header.");
            }

            if (read.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                _ended = true;
                return FrameReadResult.Failure(
                    $"The stream ended inside a message header ({buffer.Length} bytes without the empty line that ends a header).");
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }

        var headerText = Encoding.ASCII.GetString(buffer.Slice(0, headerEnd));
        var afterHeader = buffer.GetPosition(HeaderTerminator.Length, headerEnd);
        var header = ParseHeader(headerText, _maxContentLength);
        if (header.ContentLength is not { } length)
        {
            // Without a trustworthy length the content cannot be found: resynchronize on the next header.
            _reader.AdvanceTo(afterHeader);
            _resynchronizing = true;
            return FrameReadResult.Failure(header.Error! + " Skipping to the next Content-Length header.");
        }

        // Content.
        _reader.AdvanceTo(afterHeader);
        if (length == 0)
            return header.Error is null
                ? FrameReadResult.Message([])
                : FrameReadResult.Failure(header.Error + " The message was skipped.");
        while (true)
        {
            var read = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            buffer = read.Buffer;
            if (buffer.Length >= length)
            {
                var contentEnd = buffer.GetPosition(length);
                var content = buffer.Slice(0, contentEnd).ToArray();
                _reader.AdvanceTo(contentEnd);
                return header.Error is null
                    ? FrameReadResult.Message(content)
                    : FrameReadResult.Failure(header.Error + " The message was skipped.");
            }

            if (read.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                _ended = true;
                return FrameReadResult.Failure(
                    $"The stream ended inside a message: Content-Length is {length} but only {buffer.Length} bytes followed.");
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Discards input up to the next <c>Content-Length:</c> (any case); false if the stream ends first.</summary>
    private async ValueTask<bool> SkipToNextHeaderAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var found = FindIgnoringAsciiCase(buffer, ContentLengthName);
            if (found is { } position)
            {
                _reader.AdvanceTo(position);
                _resynchronizing = false;
                return true;
            }

            if (read.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                return false;
            }

            // Keep a tail that could be the start of a split header name.
            var keep = Math.Min(buffer.Length, ContentLengthName.Length - 1);
            _reader.AdvanceTo(buffer.GetPosition(buffer.Length - keep), buffer.End);
        }
    }

    private readonly record struct Header(long? ContentLength, string? Error);

    private static Header ParseHeader(string text, int maxContentLength)
    {
        long? contentLength = null;
        string? lengthError = null;
        string? otherError = null;
        foreach (var line in text.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                otherError ??= $"Malformed header line '{Shorten(line)}' (expected 'Name: value').";
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                    lengthError = value.StartsWith('-')
                        ? $"Content-Length '{Shorten(value)}' is negative."
                        : $"Content-Length '{Shorten(value)}' is not a non-negative integer.";
                else if (parsed > maxContentLength)
                    lengthError = $"Content-Length {parsed} is larger than the limit of {maxContentLength} bytes.";
                else if (contentLength is { } previous && previous != parsed)
                    lengthError = $"The header has two different Content-Length values ({previous} and {parsed}).";
                else
                    contentLength = parsed;
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                var charset = CharsetOf(value);
                if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                    && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                    otherError ??= $"Content-Type charset '{Shorten(charset)}' is not supported (only utf-8).";
            }
        }

        if (lengthError is not null) return new Header(null, lengthError);
        if (contentLength is null) return new Header(null, "The message header has no Content-Length.");
        return new Header(contentLength, otherError);
    }

    private static string? CharsetOf(string contentType)
    {
        foreach (var part in contentType.Split(';'))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
                return trimmed["charset=".Length..].Trim().Trim('"');
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static SequencePosition? Find(ReadOnlySequence<byte> buffer, byte[] pattern)
    {
        var reader = new SequenceReader<byte>(buffer);
        return reader.TryReadTo(out ReadOnlySequence<byte> _, pattern, advancePastDelimiter: false)
            ? reader.Position
            : null;
    }

    private static SequencePosition? FindIgnoringAsciiCase(ReadOnlySequence<byte> buffer, byte[] lowerPattern)
    {
        if (buffer.Length < lowerPattern.Length) return null;
        var bytes = buffer.IsSingleSegment ? buffer.FirstSpan : buffer.ToArray();
        for (var i = 0; i + lowerPattern.Length <= bytes.Length; i++)
        {
            var match = true;
            for (var j = 0; j < lowerPattern.Length; j++)
            {
                var b = bytes[i + j];
                if (b is >= (byte)'A' and <= (byte)'Z') b = (byte)(b + 32);
                if (b != lowerPattern[j])
                {
                    match = false;
                    break;
                }
            }
            if (match) return buffer.GetPosition(i);
        }
        return null;
    }
}
