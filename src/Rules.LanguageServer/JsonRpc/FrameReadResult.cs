namespace Rules.LanguageServer.JsonRpc;

/// <summary>One result of <see cref="MessageFrameReader.ReadAsync"/>.</summary>
public sealed record FrameReadResult(FrameReadStatus Status, byte[]? Content, string? Error)
{
    public static readonly FrameReadResult EndOfStream = new(FrameReadStatus.EndOfStream, null, null);

    public static FrameReadResult Message(byte[] content) => new(FrameReadStatus.Message, content, null);

    public static FrameReadResult Failure(string error) => new(FrameReadStatus.Error, null, error);
}
