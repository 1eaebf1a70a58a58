using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// <c>engine-quick --before DIR [--runs N] [--records N]</c>: the compiled evaluator of this build
/// and of another build (DIR: that build's bin folder, holding its Rules.Benchmarks.dll, loaded in
/// an assembly load context of its own) timed side by side in one process, run by run in turn,
/// on the same generated records (each build draws them with its own code, seed 2021). The VM's
/// speed drifts 2–3x within minutes, so only ratios measured this way are compared. Each time is
/// the thread's CPU time (or the wall clock, if smaller) of routing + validation + tallies over
/// 400,000 cases; the yardstick is timed in the same runs, to tell how fast the VM was running.
/// </summary>
internal static class BuildComparison
{
    public static int Run(TextWriter output, string beforeFolder, int runs, int recordCount)
    {
        var beforePath = Path.GetFullPath(Path.Combine(beforeFolder, "Rules.Benchmarks.dll"));
        if (!File.Exists(beforePath))
        {
            output.WriteLine($"engine-quick: no Rules.Benchmarks.dll in '{beforeFolder}'.");
            return 2;
        }

        var context = new FolderLoadContext(Path.GetDirectoryName(beforePath)!);
        var before = Prepare(context.LoadFromAssemblyPath(beforePath), recordCount);
        var after = Prepare(typeof(EngineWorkload).Assembly, recordCount);
        if (before.Cases != after.Cases)
        {
            output.WriteLine($"engine-quick: the builds count different cases ({before.Cases} and {after.Cases}).");
            return 1;
        }

        // The yardstick (this build's) in the same runs: how fast the VM is running.
        var yardstickWorkload = EngineWorkload.Create(recordCount);
        var yardstick = new HandWrittenEvaluator(yardstickWorkload.Framework.Schema);
        var handTally = new HandWrittenTally(yardstick);
        void Yardstick() => EngineOperations.HandWritten(yardstick, yardstickWorkload.Records, handTally);

        var passes = Math.Max(1, 400_000 / recordCount);
        for (var warm = 0; warm < 5; warm++)
        {
            before.Pass();
            after.Pass();
            Yardstick();
        }

        var beforeTimes = new List<double>();
        var afterTimes = new List<double>();
        var yardstickTimes = new List<double>();
        var ratios = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            // Alternate which goes first, so that neither always follows the other.
            double b, a;
            if (run % 2 == 0)
            {
                b = ThreadCpuClock.Time(() => { for (var p = 0; p < passes; p++) before.Pass(); });
                a = ThreadCpuClock.Time(() => { for (var p = 0; p < passes; p++) after.Pass(); });
            }
            else
            {
                a = ThreadCpuClock.Time(() => { for (var p = 0; p < passes; p++) after.Pass(); });
                b = ThreadCpuClock.Time(() => { for (var p = 0; p < passes; p++) before.Pass(); });
            }

            yardstickTimes.Add(ThreadCpuClock.Time(() => { for (var p = 0; p < passes; p++) Yardstick(); }));
            beforeTimes.Add(b);
            afterTimes.Add(a);
            ratios.Add(a / b);
        }

        var cases = (double)passes * recordCount;
        var ns = 1e6 / cases;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Side by side, {runs} runs of {cases:N0} cases each ({recordCount:N0} records), load average {EngineQuickHarness.LoadAverage()} at the end:"));
        output.WriteLine();
        output.WriteLine("| build | median ns per case | fastest | slowest | cases/s (median) |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        Row("before (" + beforeFolder + ")", beforeTimes);
        Row("after (this build)", afterTimes);
        Row("hand-written yardstick (this build)", yardstickTimes);
        ratios.Sort();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after / before, run by run: median {EngineQuickHarness.Median(ratios):F3} (range {ratios[0]:F3}–{ratios[^1]:F3}); time per case {100 * (1 - EngineQuickHarness.Median(ratios)):F1}% less."));
        return 0;

        void Row(string name, List<double> times)
        {
            var median = EngineQuickHarness.Median(times);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {median * ns:F0} | {times.Min() * ns:F0} | {times.Max() * ns:F0} | {cases / (median / 1000):N0} |"));
        }
    }

    /// <summary>One build's workload, evaluator and tally, as a pass over the records (through reflection: the types are the build's own).</summary>
    private static Build Prepare(Assembly benchmarks, int recordCount)
    {
        var workloadType = benchmarks.GetType("Rules.Benchmarks.Engine.EngineWorkload", throwOnError: true)!;
        var workload = workloadType.GetMethod("Create")!.Invoke(null, [recordCount, 2021])!;
        var framework = workloadType.GetProperty("Framework")!.GetValue(workload)!;
        var records = workloadType.GetProperty("Records")!.GetValue(workload)!;
        var engine = framework.GetType().Assembly;
        var evaluator = Activator.CreateInstance(engine.GetType("Rules.Engine.Evaluation.CaseEvaluator", throwOnError: true)!, framework)!;
        var layout = framework.GetType().GetProperty("Layout")!.GetValue(framework)!;
        var tally = Activator.CreateInstance(engine.GetType("Rules.Engine.Aggregation.InspectionTally", throwOnError: true)!, layout)!;
        var compiled = benchmarks.GetType("Rules.Benchmarks.Engine.EngineOperations", throwOnError: true)!.GetMethod("Compiled")!;
        object[] arguments = [evaluator, records, tally];
        var count = (long)compiled.Invoke(null, arguments)!;
        return new Build(() => compiled.Invoke(null, arguments), count);
    }

    private sealed record Build(Action Pass, long Cases);

    /// <summary>Loads a build's assemblies from its folder (the framework's own from the default context).</summary>
    private sealed class FolderLoadContext(string folder) : AssemblyLoadContext("before", isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
