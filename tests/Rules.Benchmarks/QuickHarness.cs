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
        output.WriteLine("Times: median of runs, each the smaller of wall-clock and process CPU time.");
        output.WriteLine();
        output.WriteLine("| Lines | Chars | JsonDocument.Parse | STJ Deserialize | Rules parse | bind+lint | parse+bind+lint | ms per 10k lines | vs JsonDocument | vs Deserialize |");
        output.WriteLine("|------:|------:|-------------------:|----------------:|------------:|----------:|----------------:|-----------------:|----------------:|---------------:|");
        var problems = 0;
        foreach (var size in sizes)
        {
            var framework = FrameworkGenerator.ForLines(size);
            var fileSystem = Pipeline.FileSystemFor(framework.RulesText);
            var warm = new SyntaxTreeCache();
            var compilations = new RulesWorkspace(fileSystem, warm).CompileAll(Pipeline.WorkspaceRoot);
            foreach (var d in compilations.SelectMany(c => c.Diagnostics).Take(5))
            {
                output.WriteLine($"  unexpected diagnostic: {d.Id} {d.Location.Path}:{d.Location.LineSpan.Start.Line + 1}: {d.Message}");
                problems++;
            }
            var runs = size >= 1_000_000 ? 3 : size >= 100_000 ? 7 : 21;
            var jsonDocument = Median(runs, () => Pipeline.JsonDocumentParse(framework.JsonText));
            var jsonDeserialize = Median(runs, () => Pipeline.JsonDeserialize(framework.JsonText));
            var parse = Median(runs, () => Pipeline.Parse(framework.RulesText));
            var bindLint = Median(runs, () => Pipeline.BindAndLint(fileSystem, warm));
            var check = Median(runs, () => Pipeline.Check(fileSystem));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {framework.Lines:N0} | {framework.RulesText.Length:N0} | {jsonDocument:F2} ms | {jsonDeserialize:F2} ms | {parse:F2} ms | {bindLint:F2} ms | {check:F2} ms | {check * 10_000 / framework.Lines:F2} ms | {check / jsonDocument:F1}x | {check / jsonDeserialize:F1}x |"));
        }
        return problems == 0 ? 0 : 1;
    }

    /// <summary>
    /// The median over runs of the smaller of wall-clock and process CPU time: on a shared machine
    /// the wall clock also counts time the thread waited for a core, and CPU time counts the work
    /// (GC threads included), so the smaller is the better estimate of an unloaded run.
    /// </summary>
    private static double Median(int runs, Func<object> action)
    {
        for (var i = 0; i < Math.Max(2, runs / 3); i++) action();
        var times = new double[runs];
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            var wall = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            times[i] = Math.Min(wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}
