using Rules.Core.Semantics;
using Rules.SampleData;

namespace Rules.SampleData.Tests;

/// <summary>The checkout the tests run in, and its frameworks compiled once.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    private static readonly Lazy<SemanticModel> Probation2021 = new(() => FrameworkLoader.Load(Path.Combine(Root, "rules", "probation-2021")));

    public static SemanticModel Framework2021 => Probation2021.Value;

    public static string SamplesFolder => Path.Combine(Root, "rules", "probation-2021", "samples");

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Rules.sln")))
                return d.FullName;
        throw new InvalidOperationException("Rules.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The two files a run writes, as text.</summary>
    public static (string Jsonl, string Csv, SampleSummary Summary) Generate(SemanticModel model, int count, int seed)
    {
        var jsonl = new StringWriter { NewLine = "\n" };
        var csv = new StringWriter { NewLine = "\n" };
        var summary = SampleFiles.Write(model, jsonl, csv, count, seed, verify: false);
        return (jsonl.ToString(), csv.ToString(), summary);
    }
}
