using System.Diagnostics;
using System.Globalization;
using Rules.Core.Workspace;

namespace Rules.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/Rules.Benchmarks -- quick [lines...]`: the key figures
/// in seconds, timed with a Stopwatch (median of several runs after warm-up), for a quick look
/// between BenchmarkDotNet runs.
/// </summary>
public static class QuickHarness
{
    public static int Run(TextWriter output, IReadOnlyList<string> arguments)
    {
        var sizes = arguments.Count > 0 ? arguments.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000, 1_000_000];
        output.WriteLine($"Quick harness: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine("Times: median of runs, each the smaller of wall-clock and thread CPU time (the machine is shared).");
        output.WriteLine();
        output.WriteLine("| Lines | Chars | JsonDocument.Parse | STJ Deserialize | Rules parse | bind+lint | parse+bind+lint | ms per 10k lines | vs JsonDocument | vs Deserialize |");
        output.WriteLine("|------:|------:|-------------------:|----------------:|------------:|----------:|----------------:|-----------------:|----------------:|---------------:|");
        var problems = 0;
        var allocations = new List<string>();
        var collections = new List<string>();
        foreach (var size in sizes)
        {
            var framework = FrameworkGenerator.ForLines(size);
            var fileSystem = Pipeline.FileSystemFor(framework);
            foreach (var d in new RulesWorkspace(fileSystem).CompileAll(Pipeline.WorkspaceRoot).SelectMany(c => c.Diagnostics).Take(5))
            {
                output.WriteLine($"  unexpected diagnostic: {d.Id} {d.Location.Path}:{d.Location.LineSpan.Start.Line + 1}: {d.Message}");
                problems++;
            }
            var runs = size >= 1_000_000 ? 1 : size >= 100_000 ? 7 : 21;
            // Each operation starts from a collected heap and runs while only its own data is live, as in a
            // `rules check` process: the warm trees for bind+lint are made last (a 100k-line framework's trees and
            // models are ~200 MB, which every full collection during the other measurements would otherwise walk).
            var jsonDocument = Median(runs, () => Pipeline.JsonDocumentParse(framework.JsonText));
            var jsonDeserialize = Median(runs, () => Pipeline.JsonDeserialize(framework.JsonText));
            var parse = Median(runs, () => Pipeline.Parse(framework));
            var check = Median(runs, () => Pipeline.Check(fileSystem));
            var allocated = AllocatedMegabytes(() => Pipeline.Check(fileSystem));
            var jsonAllocated = AllocatedMegabytes(() => Pipeline.JsonDocumentParse(framework.JsonText));
            var parseAllocated = AllocatedMegabytes(() => Pipeline.Parse(framework));
            var deserializeAllocated = AllocatedMegabytes(() => Pipeline.JsonDeserialize(framework.JsonText));
            var parseCollections = Collections(() => Pipeline.Parse(framework));
            var checkCollections = Collections(() => Pipeline.Check(fileSystem));
            var jsonCollections = Collections(() => Pipeline.JsonDeserialize(framework.JsonText));
            var warm = new SyntaxTreeCache();
            _ = new RulesWorkspace(fileSystem, warm).CompileAll(Pipeline.WorkspaceRoot);
            var bindLint = Median(runs, () => Pipeline.BindAndLint(fileSystem, warm));
            var bindAllocated = AllocatedMegabytes(() => Pipeline.BindAndLint(fileSystem, warm));
            var bindCollections = Collections(() => Pipeline.BindAndLint(fileSystem, warm));
            collections.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {framework.Lines:N0} | {parseCollections} | {bindCollections} | {checkCollections} | {jsonCollections} |"));
            allocations.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {framework.Lines:N0} | {parseAllocated:F1} MB | {bindAllocated:F1} MB | {allocated:F1} MB | {jsonAllocated:F1} MB | {deserializeAllocated:F1} MB |"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {framework.Lines:N0} ({framework.Files.Length} file{(framework.Files.Length == 1 ? "" : "s")}) | {framework.RulesText.Length:N0} | {jsonDocument:F2} ms | {jsonDeserialize:F2} ms | {parse:F2} ms | {bindLint:F2} ms | {check:F2} ms | {check * 10_000 / framework.Lines:F2} ms | {check / jsonDocument:F1}x | {check / jsonDeserialize:F1}x |"));
        }
        output.WriteLine();
        output.WriteLine("| Lines | allocated by parse | by bind+lint | by parse+bind+lint | by JsonDocument.Parse | by STJ Deserialize |");
        output.WriteLine("|------:|-------------------:|-------------:|-------------------:|----------------------:|-------------------:|");
        foreach (var line in allocations) output.WriteLine(line);
        output.WriteLine();
        output.WriteLine($"Collections (gen 0/1/2) and GC pause per run, mean of 3 runs ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, latency {System.Runtime.GCSettings.LatencyMode}):");
        output.WriteLine();
        output.WriteLine("| Lines | parse | bind+lint | parse+bind+lint | STJ Deserialize |");
        output.WriteLine("|------:|------:|----------:|----------------:|----------------:|");
        foreach (var line in collections) output.WriteLine(line);
        return problems == 0 ? 0 : 1;
    }

    /// <summary>Collections per generation and the time the runtime was paused for them, per run (mean of three).</summary>
    private static string Collections(Func<object> action)
    {
        const int runs = 3;
        GC.Collect();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        for (var i = 0; i < runs; i++) action();
        return string.Create(CultureInfo.InvariantCulture,
            $"{(GC.CollectionCount(0) - gen0) / (double)runs:0.#}/{(GC.CollectionCount(1) - gen1) / (double)runs:0.#}/{(GC.CollectionCount(2) - gen2) / (double)runs:0.#}, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / runs:F1} ms");
    }

    /// <summary>Bytes allocated by one run on this thread: unlike times, not disturbed by other work on the machine.</summary>
    private static double AllocatedMegabytes(Func<object> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (1024.0 * 1024.0);
    }

    /// <summary>
    /// The median over runs of the smaller of wall-clock and the thread's CPU time: on a shared machine
    /// the wall clock also counts time the thread waited for a core, and CPU time counts the work
    /// (including gen0/gen1 collections, which run on the allocating thread), so the smaller is the better estimate of an unloaded run.
    /// </summary>
    private static double Median(int runs, Func<object> action) =>
        // Enough warm-up for tiered compilation to have finished (a method is recompiled optimised after
        // 30 calls): with fewer, the small sizes measured partly unoptimised code on both sides.
        Median(runs, runs == 1 ? 1 : runs >= 21 ? 40 : 10, action);

    internal static double Median(int runs, int warmUp, Func<object> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        for (var i = 0; i < warmUp; i++) action();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            times[i] = ThreadCpuClock.Time(() => action());
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}
