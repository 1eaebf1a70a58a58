using System.Runtime;

namespace Rules.Cli.Memory;

/// <summary>
/// The runtime's no-GC region (<see cref="GC.TryStartNoGCRegion(long)"/>), refused when it would take more than half
/// the memory the process may use: a check of a very large framework then runs with the collector as usual.
/// </summary>
public sealed class RuntimeCollectorPause : ICollectorPause
{
    public bool TryPause(long bytes)
    {
        if (bytes <= 0 || bytes > GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2) return false;
        try
        {
            return GC.TryStartNoGCRegion(bytes);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // more than the runtime can set aside at once
        }
        catch (InvalidOperationException)
        {
            return false; // a pause is already in progress
        }
    }

    /// <summary>
    /// Lets collections run again; nothing to do when the pause already ended because more was allocated. A one-shot
    /// command never calls it (see <see cref="CollectorPause"/>); a benchmark that runs the check again does.
    /// </summary>
    public void Resume()
    {
        // When the allocation outran the region, the runtime has already collected and left it; ending it then throws.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
    }
}
