using System.Collections.Concurrent;
using System.Text;
using Rules.Core.Semantics;

namespace Rules.SampleData;

/// <summary>What a run wrote: every record counted by the ids it was made to report.</summary>
public sealed record SampleSummary(int Records, int Clean, int Rejected, int WithWarnings, IReadOnlyDictionary<string, int> ById);

/// <summary>Writes <c>cases.jsonl</c> and its twin <c>cases.csv</c> in one pass, streaming, and <c>ratings.json</c>.</summary>
public static class SampleFiles
{
    public const string JsonLinesName = "cases.jsonl";
    public const string CsvName = "cases.csv";

    /// <summary>Above this many records, drawing and writing run on two threads (the order stays the same).</summary>
    private const int PipelineFrom = 20_000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static SampleSummary Write(SemanticModel model, string outputFolder, int count, int seed, bool verify = true)
    {
        Directory.CreateDirectory(outputFolder);
        File.WriteAllText(Path.Combine(outputFolder, InspectorRatingsFile.Name), InspectorRatingsFile.Render(model), Utf8);
        using var jsonl = new StreamWriter(Path.Combine(outputFolder, JsonLinesName), false, Utf8, 1 << 16);
        using var csv = new StreamWriter(Path.Combine(outputFolder, CsvName), false, Utf8, 1 << 16);
        return Write(model, jsonl, csv, count, seed, verify);
    }

    /// <param name="pipelined">Draw on another thread than the one writing; by default above 20,000 records.</param>
    public static SampleSummary Write(SemanticModel model, TextWriter jsonl, TextWriter csv, int count, int seed, bool verify = true, bool? pipelined = null)
    {
        var generator = new SampleGenerator(model, count, seed, verify);
        var jsonWriter = new JsonLinesWriter(jsonl);
        var csvWriter = new CsvWriter(csv, generator.FieldColumns, generator.CodeColumns);
        csvWriter.WriteHeader();
        int records = 0, clean = 0, rejected = 0, warned = 0;
        var byId = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in pipelined ?? count > PipelineFrom ? Pipelined(generator.Generate()) : generator.Generate())
        {
            jsonWriter.Write(record);
            csvWriter.Write(record);
            records++;
            if (record.Intended.IsEmpty) clean++;
            else if (record.IsRejected) rejected++;
            else warned++;
            foreach (var id in record.Intended) byId[id] = byId.GetValueOrDefault(id) + 1;
        }
        return new SampleSummary(records, clean, rejected, warned, byId);
    }

    /// <summary>The records drawn on another thread, a bounded number ahead of the writer, in order.</summary>
    private static IEnumerable<SampleRecord> Pipelined(IEnumerable<SampleRecord> records)
    {
        using var queue = new BlockingCollection<SampleRecord>(boundedCapacity: 4096);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var record in records) queue.Add(record, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var record in queue.GetConsumingEnumerable()) yield return record;
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
