using System.Diagnostics;
using System.Globalization;
using Rules.Engine.Aggregation;
using Rules.Engine.Evaluation;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// <c>dotnet run -c Release --project tests/Rules.Benchmarks -- engine-quick [--cases N] [--records N] [--file cases.jsonl]</c>:
/// the engine's figures in a minute or two. Evaluation of pre-read records by the compiled
/// evaluator and by the hand-written yardstick (cases per second on one thread, and their ratio),
/// then reading and whole runs over the generated JSON Lines in memory (MB/s), and over a file when
/// one is given. Each time is the smaller of wall clock and the thread's CPU time (the machine is
/// shared); figures are medians of several runs, the two evaluators measured alternately.
/// </summary>
public static class EngineQuickHarness
{
    public static int Run(TextWriter output, IReadOnlyList<string> arguments)
    {
        if (HarnessOptions.Read(arguments, output, "engine-quick [--cases N] [--records N] [--file cases.jsonl] [--before BIN-FOLDER [--runs N]]",
                "--cases", "--records", "--file", "--before", "--runs") is not { } options) return 2;
        var cases = options.Int("--cases", 100_000);
        var recordCount = options.Int("--records", 2_000);
        var file = options.Text("--file");
        if (options.Text("--before") is { } before)
            return BuildComparison.Run(output, before, options.Int("--runs", 15), recordCount);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Engine quick harness: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));
        output.WriteLine("Times: median of runs, each the smaller of wall clock and thread CPU time (the machine is shared).");
        var setup = Stopwatch.StartNew();
        var workload = EngineWorkload.Create(Math.Max(cases, recordCount));
        var framework = workload.Framework;
        var records = workload.Records.Take(recordCount).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Workload: rules/probation-2021, {cases:N0} generated cases ({workload.JsonLines.Length / 1e6:F1} MB of JSON Lines, {workload.JsonLines.Length / (double)cases:F0} bytes a case), {records.Count:N0} clean records pre-read; set up in {setup.Elapsed.TotalSeconds:F1} s."));

        // Both evaluators must compute the same counts before their speeds are compared.
        var agreeTally = new InspectionTally(framework.Layout);
        var yardstick = new HandWrittenEvaluator(framework.Schema);
        var handTally = new HandWrittenTally(yardstick);
        var evaluator = new CaseEvaluator(framework);
        EngineOperations.Compiled(evaluator, records, agreeTally);
        EngineOperations.HandWritten(yardstick, records, handTally);
        var differences = TallyComparison.Differences(framework, agreeTally, yardstick, handTally);
        output.WriteLine(differences.Count == 0 ? "Compiled evaluator and yardstick agree on every count." : $"DISAGREE: {string.Join("; ", differences.Take(5))}");
        if (differences.Count > 0) return 1;

        // 1. Evaluation from parsed records.
        var tally = new InspectionTally(framework.Layout);
        var passes = Math.Max(1, 400_000 / records.Count);
        var compiledTimes = new List<double>();
        var handTimes = new List<double>();
        var compiledRoutingTimes = new List<double>();
        var handRoutingTimes = new List<double>();
        for (var warm = 0; warm < 3; warm++)
        {
            EngineOperations.Compiled(evaluator, records, tally);
            EngineOperations.HandWritten(yardstick, records, handTally);
        }

        for (var run = 0; run < 9; run++)
        {
            compiledTimes.Add(ThreadCpuClock.Time(() => { for (var p = 0; p < passes; p++) EngineOperations.Compiled(evaluator, records, tally); }));
            handTimes.Add(ThreadCpuClock.Time(() => { for (var p = 0; p < passes; p++) EngineOperations.HandWritten(yardstick, records, handTally); }));
            compiledRoutingTimes.Add(ThreadCpuClock.Time(() => { for (var p = 0; p < passes; p++) EngineOperations.CompiledEvaluateOnly(evaluator, records); }));
            handRoutingTimes.Add(ThreadCpuClock.Time(() => { for (var p = 0; p < passes; p++) EngineOperations.HandWrittenEvaluateOnly(yardstick, records); }));
        }

        var evaluatedCases = (double)passes * records.Count;
        var compiled = Median(compiledTimes) / evaluatedCases;
        var hand = Median(handTimes) / evaluatedCases;
        var compiledRouting = Median(compiledRoutingTimes) / evaluatedCases;
        var handRouting = Median(handRoutingTimes) / evaluatedCases;
        var allocated = Allocated(() => EngineOperations.Compiled(evaluator, records, tally)) / (double)records.Count;
        output.WriteLine();
        output.WriteLine("Evaluation from parsed records (routing + validation + tallies), one thread:");
        output.WriteLine();
        output.WriteLine("| evaluator | ns per case | cases/s | vs yardstick | allocated per case |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| compiled (CaseEvaluator) | {compiled * 1e6:F0} | {1000 / compiled:N0} | {compiled / hand:F2}x | {allocated:F1} B |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| hand-written yardstick | {hand * 1e6:F0} | {1000 / hand:N0} | 1.00x | |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| compiled, routing + validation only (no tallies) | {compiledRouting * 1e6:F0} | {1000 / compiledRouting:N0} | {compiledRouting / handRouting:F2}x | |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| yardstick, routing + validation only (no tallies) | {handRouting * 1e6:F0} | {1000 / handRouting:N0} | 1.00x | |"));

        // 2. Reading and whole runs over the generated JSON Lines, in memory.
        var bytes = workload.JsonLines;
        var tokenTimes = new List<double>();
        var readTimes = new List<double>();
        var runTimes = new List<double>();
        var handRunTimes = new List<double>();
        var runs = bytes.Length > 500_000_000 ? 1 : 5;
        EngineOperations.EndToEnd(new MemoryStream(bytes), framework);
        for (var run = 0; run < runs; run++)
        {
            tokenTimes.Add(ThreadCpuClock.Time(() => EngineOperations.JsonTokens(bytes)));
            readTimes.Add(ThreadCpuClock.Time(() => EngineOperations.Read(new MemoryStream(bytes), framework.Schema)));
            runTimes.Add(ThreadCpuClock.Time(() => EngineOperations.EndToEnd(new MemoryStream(bytes), framework)));
            handRunTimes.Add(ThreadCpuClock.Time(() => EngineOperations.EndToEndHandWritten(new MemoryStream(bytes), framework)));
        }

        var readAllocated = Allocated(() => EngineOperations.Read(new MemoryStream(bytes), framework.Schema)) / (double)cases;
        var runAllocated = Allocated(() => EngineOperations.EndToEnd(new MemoryStream(bytes), framework)) / (double)cases;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Whole runs over {cases:N0} generated cases ({bytes.Length / 1e6:F1} MB) in memory, one thread:"));
        output.WriteLine();
        output.WriteLine("| operation | time | MB/s | cases/s | allocated per case |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        Row(output, "floor: Utf8JsonReader over every token, no records", Median(tokenTimes), bytes.Length, cases, null);
        Row(output, "read only (CaseReader)", Median(readTimes), bytes.Length, cases, readAllocated);
        Row(output, "read + evaluate + count + report (EvaluationRun)", Median(runTimes), bytes.Length, cases, runAllocated);
        Row(output, "read + yardstick", Median(handRunTimes), bytes.Length, cases, null);

        // 3. A file, as `rules evaluate` reads it.
        if (file is not null)
        {
            var length = new FileInfo(file).Length;
            long read = 0;
            var fileTime = ThreadCpuClock.Time(() => read = EngineOperations.EndToEnd(OpenFile(file), framework));
            var fileReadTime = ThreadCpuClock.Time(() => EngineOperations.Read(OpenFile(file), framework.Schema));
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"File {file} ({length / 1e6:F0} MB, {read:N0} cases), one run each:"));
            output.WriteLine();
            output.WriteLine("| operation | time | MB/s | cases/s | allocated per case |");
            output.WriteLine("|---|---:|---:|---:|---:|");
            Row(output, "read only", fileReadTime, length, read, null);
            Row(output, "read + evaluate + count + report", fileTime, length, read, null);
        }

        return 0;
    }

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    private static void Row(TextWriter output, string name, double milliseconds, long bytes, long cases, double? allocatedPerCase) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {milliseconds / 1000:F2} s | {bytes / 1e6 / (milliseconds / 1000):F0} | {cases / (milliseconds / 1000):N0} | {(allocatedPerCase is { } a ? $"{a:F0} B" : "")} |"));

    internal static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    internal static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
