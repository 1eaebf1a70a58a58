using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using Rules.Engine.Input;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// <c>engine-ids [--sizes 1000000,10000000] [--runs 3]</c>: the case id registry alone, as
/// <c>rules evaluate</c> uses it (every id new, as UTF-8): nanoseconds per insert at each size,
/// with a fresh registry per run, and the memory it holds per id. Ids are written as the
/// 10M-case test file has them (<c>C7-0123456</c>) into a small buffer, so the figures include
/// formatting the id (timed alone on the first line) but no allocation per id.
/// </summary>
public static class IdRegistryHarness
{
    public static int Run(TextWriter output, IReadOnlyList<string> arguments)
    {
        if (HarnessOptions.Read(arguments, output, "engine-ids [--sizes 1000000,10000000] [--runs 3]", "--sizes", "--runs") is not { } options) return 2;
        int[] sizes = [.. options.List("--sizes", ["1000000", "10000000"]).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        var runs = options.Int("--runs", 3);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Id registry: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {EngineQuickHarness.LoadAverage()}; median of {runs} runs, each the smaller of wall clock and thread CPU time; the two registries alternate."));
        output.WriteLine();
        output.WriteLine("| registry | ids | insert, ns per id | vs its smallest size | held per id | allocated per id |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        var formatTimes = new List<double>();
        var results = new List<string>();
        (string Name, Func<int, (int Count, long Held)> Insert)[] registries =
        [
            ("CaseIdRegistry (byte arena)", Insert),
            ("previous (entry blocks)", InsertPrevious),
        ];
        var first = new double?[registries.Length];
        foreach (var size in sizes)
        {
            var times = registries.Select(_ => new List<double>()).ToArray();
            var held = new long[registries.Length];
            var allocated = new long[registries.Length];
            for (var run = 0; run < runs; run++)
            {
                formatTimes.Add(ThreadCpuClock.Time(() => FormatOnly(size)) * 1e6 / size);
                for (var r = 0; r < registries.Length; r++)
                {
                    GC.Collect();
                    (int Count, long Held) result = default;
                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    times[r].Add(ThreadCpuClock.Time(() => result = registries[r].Insert(size)));
                    allocated[r] = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                    held[r] = result.Held;
                    if (result.Count != size) throw new InvalidOperationException("An id was taken for a repeat.");
                }
            }

            for (var r = 0; r < registries.Length; r++)
            {
                var insert = EngineQuickHarness.Median(times[r]) * 1e6 / size;
                first[r] ??= insert;
                results.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {registries[r].Name} | {size:N0} | {insert:F1} | {insert / first[r]!.Value:F2}x | {held[r] / (double)size:F1} B | {allocated[r] / (double)size:F1} B |"));
            }
        }

        foreach (var line in results.OrderBy(l => l, StringComparer.Ordinal)) output.WriteLine(line);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Formatting the ids alone (included above): {EngineQuickHarness.Median(formatTimes):F1} ns per id."));
        return 0;
    }

    private static (int, long) Insert(int count)
    {
        var registry = new CaseIdRegistry();
        Span<byte> id = stackalloc byte[16];
        for (var i = 0; i < count; i++)
        {
            var length = Format(i, id);
            if (!registry.TryAdd(id[..length], i + 1, out _)) throw new InvalidOperationException($"Id {i} was taken for a repeat.");
        }

        return (registry.Count, registry.HeldBytes);
    }

    private static (int, long) InsertPrevious(int count)
    {
        var registry = new PreviousCaseIdRegistry();
        Span<byte> id = stackalloc byte[16];
        for (var i = 0; i < count; i++)
        {
            var length = Format(i, id);
            if (!registry.TryAdd(id[..length], i + 1, out _)) throw new InvalidOperationException($"Id {i} was taken for a repeat.");
        }

        return (registry.Count, registry.HeldBytes);
    }

    private static long FormatOnly(int count)
    {
        Span<byte> id = stackalloc byte[16];
        long sum = 0;
        for (var i = 0; i < count; i++) sum += id[Format(i, id) - 1];
        return sum;
    }

    /// <summary><c>C{i / 1,000,000}-{i % 1,000,000:D7}</c>, as the 10M-case file's ids.</summary>
    private static int Format(int i, Span<byte> id)
    {
        id[0] = (byte)'C';
        Utf8Formatter.TryFormat(i / 1_000_000, id[1..], out var written);
        id[1 + written] = (byte)'-';
        Utf8Formatter.TryFormat(i % 1_000_000, id[(2 + written)..], out var digits, new StandardFormat('D', 7));
        return 2 + written + digits;
    }
}
