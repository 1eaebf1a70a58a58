using System.Globalization;
using Rules.Engine.Input;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// <c>dotnet run -c Release --project tests/Rules.Benchmarks -- engine-lines [--cases N] [--passes N]</c>:
/// the parsing of one line into a record, without the line source, the id registry or threads:
/// plain-line reading against System.Text.Json's reader (every line through <c>Utf8JsonReader</c>,
/// as before plain-line reading), alternated pass by pass, each figure the fastest pass by thread
/// CPU time (the machine is shared, so the fastest pass is the one least disturbed). Beside them
/// two floors over the same bytes: <c>Utf8JsonReader</c> reading every token and nothing else, and
/// a plain loop looking at every byte once.
/// </summary>
public static class LineParseHarness
{
    public static int Run(TextWriter output, IReadOnlyList<string> arguments)
    {
        if (HarnessOptions.Read(arguments, output, "engine-lines [--cases N] [--passes N]", "--cases", "--passes") is not { } options) return 2;
        var cases = options.Int("--cases", 20_000);
        var passes = options.Int("--passes", 15);

        var workload = EngineWorkload.Create(cases);
        var bytes = workload.JsonLines;
        var lines = new List<(int Start, int Length)>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n') continue;
            lines.Add((start, i - start));
            start = i + 1;
        }

        var schema = workload.Framework.Schema;
        var plain = CaseReader.Open(Stream.Null, CaseInputFormat.JsonLines, schema, new CaseReaderOptions { PlainLines = true });
        var full = CaseReader.Open(Stream.Null, CaseInputFormat.JsonLines, schema, new CaseReaderOptions { PlainLines = false });
        var record = new CaseRecord(schema);
        double Parse(CaseReader parser) => ThreadCpuClock.Time(() =>
        {
            foreach (var (s, l) in lines) parser.ParseLine(LineKind.Line, bytes.AsSpan(s, l), 1, record);
        });

        var best = new double[4];
        Array.Fill(best, double.MaxValue);
        long quotes = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            best[0] = Math.Min(best[0], Parse(plain));
            best[1] = Math.Min(best[1], Parse(full));
            best[2] = Math.Min(best[2], ThreadCpuClock.Time(() => EngineOperations.JsonTokens(bytes)));
            best[3] = Math.Min(best[3], ThreadCpuClock.Time(() =>
            {
                foreach (var (s, l) in lines)
                {
                    foreach (var b in bytes.AsSpan(s, l))
                    {
                        if (b == (byte)'"') quotes++;
                    }
                }
            }));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine-lines: {lines.Count:N0} lines, {bytes.Length / (double)lines.Count:F0} bytes a line, fastest of {passes} passes, {DateTime.UtcNow:HH:mm} UTC, load average {EngineQuickHarness.LoadAverage()}"));
        output.WriteLine();
        output.WriteLine("| parsing a line | µs a line | MB/s | vs Utf8JsonReader tokens |");
        output.WriteLine("|---|---:|---:|---:|");
        string[] names = ["plain-line reading (ParseLine)", "System.Text.Json's reader (ParseLine, plain lines off)", "floor: Utf8JsonReader over every token", "floor: a loop over every byte"];
        for (var i = 0; i < names.Length; i++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {names[i]} | {best[i] * 1000 / lines.Count:F2} | {bytes.Length / 1e3 / best[i]:F0} | {best[i] / best[2]:F2}x |"));
        }

        GC.KeepAlive(quotes);
        return 0;
    }
}
