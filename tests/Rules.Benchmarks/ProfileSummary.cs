using System.Globalization;
using System.Text.Json;

namespace Rules.Benchmarks;

/// <summary>
/// Where a check's time goes, from dotnet-trace's Speedscope files of <c>loop N I</c>: milliseconds per check of
/// the samples under each phase and lint rule, outside the collector. On a VM whose speed drifts 2–3x from minute to
/// minute, wall-clock comparisons of a few percent are lost in the noise; shares of one trace, and of two traces
/// taken one after the other, are not.
/// </summary>
internal static class ProfileSummary
{
    /// <summary>A row: what it is called, the text its frame names contain, and whether it counts what the frame calls.</summary>
    private sealed record Row(string Label, string Frame, bool Inclusive);

    private static readonly Row[] Rows =
    [
        new("check (Pipeline.Check)", "Pipeline.Check", true),
        new("parse (Parser.Parse)", "Parser.Parse(class Rules.Core.Text.SourceText)", true),
        new("bind (Binder.Bind)", "Binder.Bind(class Rules.Core.Workspace", true),
        new("lint (Analyzer.Analyze)", "Analyzer.Analyze(class Rules.Core.Semantics.SemanticModel,class Rules.Core.Analysis.LintCache)", true),
        new("RL0402 (EmptyTextRule)", "EmptyTextRule.Analyze(", true),
        new("RL0201 (RoutingCycleRule)", "RoutingCycleRule.Analyze(", true),
        new("RL0202/RL0203 (ConditionSatisfiabilityRule)", "ConditionSatisfiabilityRule.Rules.Core.Analysis.IFileLintRule.AnalyzeFile", true),
        new("identity hashes (GetHashCodeWorker)", "GetHashCodeWorker", false),
        new("clearing arrays (ClearWithReferences)", "ClearWithReferences", false),
        new("growing dictionaries (Resize)", "Dictionary`2[System.__Canon,System.__Canon].Resize", false),
    ];

    public static int Run(TextWriter output, string[] args)
    {
        // profile ITERATIONS trace.speedscope.json [more.speedscope.json ...]
        if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var iterations) || iterations <= 0)
        {
            output.WriteLine("usage: profile ITERATIONS TRACE.speedscope.json [TRACE.speedscope.json ...]   (ITERATIONS as given to `loop`)");
            return 2;
        }
        var traces = new List<Trace>();
        foreach (var path in args[1..])
        {
            try
            {
                traces.Add(Summarise(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException
                or InvalidOperationException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                output.WriteLine($"profile: cannot read '{path}' as a Speedscope trace (dotnet-trace --format Speedscope): {e.Message}");
                return 2;
            }
        }
        output.WriteLine($"| ms per check (samples outside the collector) | {string.Join(" | ", args[1..].Select(Path.GetFileName))} |");
        output.WriteLine($"|---|{string.Concat(traces.Select(_ => "---:|"))}");
        foreach (var row in Rows)
            output.WriteLine($"| {row.Label} | {string.Join(" | ", traces.Select(t => (t.Time(row) / iterations).ToString("F2", CultureInfo.InvariantCulture)))} |");
        output.WriteLine($"| (the collector: samples under PollGC) | {string.Join(" | ", traces.Select(t => (t.Collector / iterations).ToString("F2", CultureInfo.InvariantCulture)))} |");
        return 0;
    }

    private sealed class Trace
    {
        public Dictionary<string, double> Inclusive { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, double> Self { get; } = new(StringComparer.Ordinal);
        public double Collector { get; set; }

        public double Time(Row row) =>
            (row.Inclusive ? Inclusive : Self).Where(p => p.Key.Contains(row.Frame, StringComparison.Ordinal)).Sum(p => p.Value);
    }

    /// <summary>Reads the busiest thread's open/close events; a sample's time goes to every frame on the stack (inclusive) and to the innermost managed one (self).</summary>
    private static Trace Summarise(string path)
    {
        using var document = JsonDocument.Parse(File.OpenRead(path));
        var root = document.RootElement;
        var names = root.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString() ?? "").ToArray();
        var profile = root.GetProperty("profiles").EnumerateArray()
            .Where(p => p.TryGetProperty("events", out _))
            .MaxBy(p => p.GetProperty("events").GetArrayLength());
        if (profile.ValueKind != JsonValueKind.Object) throw new InvalidOperationException("it has no thread with events");
        var trace = new Trace();
        var stack = new List<int>();
        double? last = null;
        foreach (var e in profile.GetProperty("events").EnumerateArray())
        {
            var at = e.GetProperty("at").GetDouble();
            if (stack.Count > 0 && last is { } previous)
            {
                var time = at - previous;
                if (stack.Any(f => names[f].Contains("PollGC", StringComparison.Ordinal))) trace.Collector += time;
                else
                {
                    var managed = stack.Where(f => names[f] is not ("CPU_TIME" or "UNMANAGED_CODE_TIME")).ToList();
                    foreach (var name in managed.Select(f => names[f]).Distinct()) trace.Inclusive[name] = trace.Inclusive.GetValueOrDefault(name) + time;
                    if (managed.Count > 0) trace.Self[names[managed[^1]]] = trace.Self.GetValueOrDefault(names[managed[^1]]) + time;
                }
            }
            last = at;
            if (e.GetProperty("type").GetString() == "O") stack.Add(e.GetProperty("frame").GetInt32());
            else if (stack.Count > 0) stack.RemoveAt(stack.Count - 1);
        }
        return trace;
    }
}
