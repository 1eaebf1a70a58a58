namespace Rules.Cli.Memory;

/// <summary>
/// Holds the collector off for the rest of a one-shot <c>rules check</c> or <c>rules test</c>, from the moment
/// the rule files have been read.
/// </summary>
/// <remarks>
/// A check keeps almost everything it builds until it ends: every syntax tree, symbol and reference. A collection
/// in the middle of a large check therefore finds most of the young generation alive and copies it. From 100,000
/// lines on, that cost as much as the check itself, so a check cost more than proportionally more as the framework
/// grew (docs/performance.md, "Eleventh session"). A one-shot command exits as soon as it has written its results,
/// so it trades memory for that time: it sets aside room for what the check will allocate and collects nothing.
/// The pause is not ended: ending it lets the next allocation start a full collection of everything the check
/// built, just before the process exits and frees it all (1.2–1.6 s at a million lines). The language server never
/// pauses: it runs for hours, and its checks are incremental.
/// </remarks>
public static class CollectorPause
{
    /// <summary>
    /// Room set aside per character of rule text. A check of the generated benchmark frameworks allocates about
    /// 20–24 bytes per character (docs/performance.md); the rest is margin for denser text and for writing the
    /// results. If a command outruns it, the runtime collects and goes on as usual from there.
    /// </summary>
    public const long BytesPerCharacter = 40;

    /// <summary>
    /// Smaller runs are not held: about 20,000 lines, which allocate ~25 MB, less than the first generation takes
    /// before its first collection, so nothing would be collected anyway (the real frameworks are a few thousand lines).
    /// </summary>
    public const long MinimumCharacters = 1_000_000;

    /// <summary>Pauses for a run over this many characters of rule text; false when there is no pause.</summary>
    public static bool TryHoldFor(ICollectorPause? pause, long characters) =>
        pause is not null && characters >= MinimumCharacters && pause.TryPause(characters * BytesPerCharacter);
}
