using BenchmarkDotNet.Attributes;
using Rules.Cli.Memory;
using Rules.Core.Workspace;

namespace Rules.Benchmarks;

/// <summary>
/// Parse + bind + lint of a generated framework side by side with System.Text.Json reading the same
/// content as JSON. Run: <c>dotnet run -c Release --project tests/Rules.Benchmarks -- --filter '*CheckBenchmarks*' --job short</c>;
/// sizes other than 10k and 100k lines with <c>RULES_BENCH_LINES=10000,100000,1000000</c>.
/// </summary>
[MemoryDiagnoser]
[GcConcurrent(false)] // as the rules CLI runs (Rules.Cli.csproj)
public class CheckBenchmarks
{
    private GeneratedFramework _framework = null!;
    private InMemoryFileSystem _fileSystem = null!;
    private SyntaxTreeCache _warmCache = null!;
    private readonly RuntimeCollectorPause _collectorPause = new();

    [ParamsSource(nameof(Sizes))]
    public int Lines { get; set; }

    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("RULES_BENCH_LINES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [10_000, 100_000];

    [GlobalSetup]
    public void Setup()
    {
        _framework = FrameworkGenerator.ForLines(Lines);
        _fileSystem = Pipeline.FileSystemFor(_framework);
    }

    // Only bind+lint gets parsed trees to start from: kept alive during the other benchmarks, they would be walked by
    // every collection there (each benchmark runs in a process of its own).
    [GlobalSetup(Target = nameof(BindAndLint))]
    public void SetupWithParsedTrees()
    {
        Setup();
        _warmCache = new SyntaxTreeCache();
        new RulesWorkspace(_fileSystem, _warmCache).CompileAll(Pipeline.WorkspaceRoot);
    }

    [Benchmark(Baseline = true, Description = "STJ JsonDocument.Parse")]
    public int JsonDocumentParse() => Pipeline.JsonDocumentParse(_framework.JsonText);

    [Benchmark(Description = "STJ Deserialize<records>")]
    public int JsonDeserialize() => Pipeline.JsonDeserialize(_framework.JsonText);

    [Benchmark(Description = "Rules parse")]
    public int Parse() => Pipeline.Parse(_framework);

    [Benchmark(Description = "Rules bind+lint")]
    public int BindAndLint() => Pipeline.BindAndLint(_fileSystem, _warmCache);

    [Benchmark(Description = "Rules parse+bind+lint")]
    public int Check() => Pipeline.Check(_fileSystem);

    /// <summary>
    /// As <c>rules check</c> runs it: the collector held off for the check by the CLI's <see cref="CollectorPause"/>,
    /// sized from the rule text. The command never resumes (its process exits); an operation here resumes at its end,
    /// and the collection the runtime then owes falls in the next operation's time.
    /// </summary>
    [Benchmark(Description = "rules check (collector paused)")]
    public int CheckAsCommand()
    {
        var held = CollectorPause.TryHoldFor(_collectorPause, _framework.RulesText.Length);
        try
        {
            return Pipeline.Check(_fileSystem);
        }
        finally
        {
            if (held) _collectorPause.Resume();
        }
    }
}
