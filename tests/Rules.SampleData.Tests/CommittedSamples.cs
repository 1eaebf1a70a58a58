using Rules.Core.Evaluation;
using Rules.SampleData;

namespace Rules.SampleData.Tests;

/// <summary>The committed sample files, read once, with the generator's records that made them.</summary>
internal static class CommittedSamples
{
    private static readonly Lazy<(string Jsonl, string Csv)> Files = new(() => (
        File.ReadAllText(Path.Combine(Repository.SamplesFolder, SampleFiles.JsonLinesName)),
        File.ReadAllText(Path.Combine(Repository.SamplesFolder, SampleFiles.CsvName))));

    private static readonly Lazy<List<SampleRecord>> GeneratedRecords = new(() =>
        [.. new SampleGenerator(Repository.Framework2021, SampleDefaults.Cases, SampleDefaults.Seed, verify: false).Generate()]);

    private static readonly Lazy<List<CaseEvaluation>> CleanEvaluations = new(() =>
    {
        var interpreter = new ReferenceInterpreter(Repository.Framework2021);
        return [.. InputReader.ReadJsonLines(Jsonl)
            .Where(r => r.Assessment is not null)
            .Select(r => interpreter.Evaluate(r.Assessment!))
            .Where(e => !e.IsRejected)];
    });

    public static string Jsonl => Files.Value.Jsonl;

    public static string Csv => Files.Value.Csv;

    public static List<SampleRecord> Records => GeneratedRecords.Value;

    /// <summary>Every record of the JSON Lines file that is read and not rejected, evaluated.</summary>
    public static List<CaseEvaluation> Evaluated => CleanEvaluations.Value;
}
