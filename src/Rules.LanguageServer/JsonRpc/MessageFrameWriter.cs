using System.Globalization;
using System.Text;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// Writes base-protocol frames (<c>Content-Length: N\r\n\r\n</c> + N bytes of UTF-8 content). Thread-safe:
/// concurrent writers never interleave frames.
/// </summary>
public sealed class MessageFrameWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public MessageFrameWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>Writes one frame around <paramref name="content"/> (UTF-8 JSON) and flushes.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var header = Encoding.ASCII.GetBytes(
            "Content-Length: " + content.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
        var frame = new byte[header.Length + content.Length];
        header.CopyTo(frame, 0);
        content.Span.CopyTo(frame.AsSpan(header.Length));

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Once started, a frame is always written whole: a half-written frame would break the stream.
            await _stream.WriteAsync(frame, CancellationToken.None).ConfigureAwait(false);
            await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes one frame around <paramref name="json"/>, encoded as UTF-8.</summary>
    public Task WriteAsync(string json, CancellationToken cancellationToken = default) =>
        WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken);

    public void Dispose() => _gate.Dispose();
}
