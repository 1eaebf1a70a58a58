namespace Rules.Engine.Input;

/// <summary>Limits for the case readers.</summary>
/// <param name="MaxLineBytes">
/// The longest line (CSV: record) accepted, in bytes without the line break; longer ones are
/// rejected with RL1001 and skipped without being held in memory. Default 1 MiB.
/// </param>
public sealed record CaseReaderOptions(int MaxLineBytes = CaseReaderOptions.DefaultMaxLineBytes)
{
    public const int DefaultMaxLineBytes = 1024 * 1024;

    public static CaseReaderOptions Default { get; } = new();
}
