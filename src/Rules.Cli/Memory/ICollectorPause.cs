namespace Rules.Cli.Memory;

/// <summary>
/// Holds the garbage collector off while a one-shot command builds what it keeps to the end (a check's trees and
/// models), so that no collection copies them. See <see cref="CollectorPause"/> for why and when.
/// </summary>
public interface ICollectorPause
{
    /// <summary>
    /// Holds collections off until about this many bytes more have been allocated (the collector then runs as
    /// usual) or the process exits; false when that cannot be done.
    /// </summary>
    bool TryPause(long bytes);
}
