namespace Rules.LanguageServer.JsonRpc;

public enum FrameReadStatus
{
    /// <summary>A complete message body was read.</summary>
    Message,

    /// <summary>The framing was broken; the reader skipped the bad part and can read on.</summary>
    Error,

    /// <summary>The stream ended cleanly between two messages (or after an error was reported).</summary>
    EndOfStream,
}
