namespace Rules.Engine.Input;

/// <summary>Limits for the case readers, and whether they parse on other threads.</summary>
/// <param name="MaxLineBytes">
/// The longest line (CSV: record) accepted, in bytes without the line break; longer ones are
/// rejected with RL1001 and skipped without being held in memory. Default 1 MiB.
/// </param>
public sealed record CaseReaderOptions(int MaxLineBytes = CaseReaderOptions.DefaultMaxLineBytes)
{
    public const int DefaultMaxLineBytes = 1024 * 1024;

    /// <summary>Records read on the calling thread before any parse thread starts, by default.</summary>
    public const int DefaultParallelAfterRecords = 4096;

    /// <summary>Reads everything on the calling thread.</summary>
    public static CaseReaderOptions Default { get; } = new();

    /// <summary>
    /// Threads that split and parse records ahead of the caller, in bounded batches, while the caller
    /// works on the records already read; the caller also parses when it would otherwise wait.
    /// 0 (the default) reads everything on the calling thread. Records, their problems, line numbers,
    /// duplicate-id detection and their order are the same whatever the value. A reader with parse
    /// threads must be disposed when not read to the end (that stops them), and its schema is read
    /// from several threads (the built-in schemas are immutable).
    /// </summary>
    public int ParseThreads { get; init; }

    /// <summary>
    /// With <see cref="ParseThreads"/>, how many records are read on the calling thread before the
    /// parse threads start, so that small inputs never start a thread. Default 4,096.
    /// </summary>
    public int ParallelAfterRecords { get; init; } = DefaultParallelAfterRecords;

    /// <summary>The most records in one batch handed between threads (tests make it small).</summary>
    internal int BatchRecords { get; init; } = 512;

    /// <summary>A batch ends after the line that reaches this many bytes.</summary>
    internal int BatchBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// JSON Lines: read lines of the usual shape straight from their bytes, and only the others with
    /// System.Text.Json's reader (tests turn it off to compare the two).
    /// </summary>
    internal bool PlainLines { get; init; } = true;

    /// <summary>
    /// Parse threads worth using on this machine: one less than the processors the process may use
    /// (the caller's thread takes the last), at most 7; 0 on a single processor.
    /// </summary>
    public static int ParseThreadsForThisMachine => Math.Clamp(Environment.ProcessorCount - 1, 0, 7);

    /// <summary>The default limits, with <see cref="ParseThreadsForThisMachine"/> parse threads.</summary>
    public static CaseReaderOptions ForThisMachine() => new() { ParseThreads = ParseThreadsForThisMachine };
}
