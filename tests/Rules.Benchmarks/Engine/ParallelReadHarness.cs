using System.Diagnostics;
using System.Globalization;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;
using Rules.Engine.Reports;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// <c>dotnet run -c Release --project tests/Rules.Benchmarks -- engine-parallel [--cases N] [--file cases.jsonl] [--threads 0,1,2,0j] [--runs 5]</c>:
/// reading alone and whole runs (read + evaluate + count + report, as <c>rules evaluate</c>) with
/// the records parsed on the calling thread only (0 parse threads) and with parse threads, the
/// settings alternated run by run so that each sees the same machine. Times are wall clock (the
/// point is to use a second core), with the process's CPU time beside them; the reports of every
/// setting are checked to be the same, as JSON text, before anything is timed. A setting is the
/// number of parse threads, with <c>j</c> after it for reading every line with System.Text.Json's
/// reader (no plain-line reading).
/// </summary>
public static class ParallelReadHarness
{
    public static int Run(TextWriter output, IReadOnlyList<string> arguments)
    {
        if (HarnessOptions.Read(arguments, output, "engine-parallel [--cases N] [--file cases.jsonl] [--threads 0,1,2,0j] [--runs 5]",
                "--cases", "--file", "--threads", "--runs") is not { } options) return 2;
        var cases = options.Int("--cases", 100_000);
        var runs = options.Int("--runs", 5);
        var file = options.Text("--file");
        var threads = options.List("--threads", ["0", "1"]);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Parallel read harness: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {EngineQuickHarness.LoadAverage()}"));
        var workload = EngineWorkload.Create(file is null ? cases : 2_000);
        var framework = workload.Framework;
        Func<Stream> open;
        long length;
        string source;
        if (file is null)
        {
            var bytes = workload.JsonLines;
            open = () => new MemoryStream(bytes, writable: false);
            length = bytes.Length;
            source = string.Create(CultureInfo.InvariantCulture, $"{cases:N0} generated cases in memory ({length / 1e6:F1} MB)");
        }
        else
        {
            open = () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            length = new FileInfo(file).Length;
            source = string.Create(CultureInfo.InvariantCulture, $"{file} ({length / 1e6:F0} MB)");
        }

        // "1" is one parse thread; "0j" no parse thread and every line read by System.Text.Json's reader (no plain-line reading).
        CaseReaderOptions OptionsFor(string setting) => new()
        {
            ParseThreads = int.Parse(setting.TrimEnd('j'), CultureInfo.InvariantCulture),
            PlainLines = !setting.EndsWith('j'),
        };

        // Every setting must give the same report before any is timed.
        string? expected = null;
        foreach (var t in threads)
        {
            var report = RunOnce(open(), framework, OptionsFor(t));
            var json = new StringWriter();
            ReportWriters.For(ReportFormat.Json).Write(report, ReportScale.Standard, json);
            if (expected is null) expected = json.ToString();
            else if (expected != json.ToString())
            {
                output.WriteLine($"DIFFERENT REPORT with {t} parse threads.");
                return 1;
            }
        }

        output.WriteLine($"Input: {source}. Reports of every setting identical. {runs} runs each, alternated.");
        var readTimes = threads.ToDictionary(t => t, _ => new List<(double Wall, double Cpu)>());
        var runTimes = threads.ToDictionary(t => t, _ => new List<(double Wall, double Cpu)>());
        long read = 0;
        for (var run = 0; run < runs; run++)
        {
            foreach (var t in threads)
            {
                readTimes[t].Add(Measure(() => read = ReadAll(open(), framework.Schema, OptionsFor(t))));
                runTimes[t].Add(Measure(() => RunOnce(open(), framework, OptionsFor(t))));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{read:N0} records; load average now {EngineQuickHarness.LoadAverage()}."));
        output.WriteLine();
        output.WriteLine("| operation | setting | wall (median) | MB/s (wall) | CPU (median, all threads) | wall, every run |");
        output.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var (name, times) in new[] { ("read only", readTimes), ("read + evaluate + count + report", runTimes) })
        {
            foreach (var t in threads)
            {
                var wall = Median(times[t].Select(x => x.Wall));
                var cpu = Median(times[t].Select(x => x.Cpu));
                var every = string.Join(", ", times[t].Select(x => (x.Wall / 1000).ToString("F2", CultureInfo.InvariantCulture)));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {t} | {wall / 1000:F2} s | {length / 1e6 / (wall / 1000):F0} | {cpu / 1000:F2} s | {every} |"));
            }
        }

        return 0;
    }

    private static long ReadAll(Stream stream, ICaseSchema schema, CaseReaderOptions options)
    {
        using var reader = CaseReader.Open(stream, CaseInputFormat.JsonLines, schema, options);
        long read = 0;
        while (reader.MoveNext()) read++;
        return read;
    }

    private static EvaluationReport RunOnce(Stream stream, CompiledFramework framework, CaseReaderOptions options)
    {
        using var reader = CaseReader.Open(stream, CaseInputFormat.JsonLines, framework.Schema, options);
        return EvaluationRun.Run(reader, framework, InspectorRatings.None);
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
