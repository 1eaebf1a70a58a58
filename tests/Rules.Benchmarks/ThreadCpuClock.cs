using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Rules.Benchmarks;

/// <summary>
/// CPU time of the calling thread in nanoseconds (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)):
/// unlike the wall clock it does not count time spent waiting for a core on a busy machine, and
/// unlike Process.TotalProcessorTime it is not rounded to 10 ms. Null where unavailable.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The smaller of the wall clock and this thread's CPU time for one call, in milliseconds.</summary>
    public static double Time(Action action)
    {
        var cpu = NowMilliseconds();
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed.TotalMilliseconds;
        return NowMilliseconds() is { } after && cpu is { } before ? Math.Min(wall, after - before) : wall;
    }

    public static double? NowMilliseconds()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * 1000.0 + t.Nanoseconds / 1e6 : null;
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }
}
