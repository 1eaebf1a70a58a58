using System.Runtime.CompilerServices;
using System.Text;
using Rules.Core.Workspace;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;
using Rules.SampleData;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// What the engine benchmarks measure, shared by the BenchmarkDotNet class and the engine-quick
/// harness: rules/probation-2021 compiled, sample cases drawn by tools/Rules.SampleData (the
/// generator behind <c>rules/probation-2021/samples</c>) as JSON Lines in memory, and the same
/// cases read once into records.
/// </summary>
public sealed class EngineWorkload
{
    private EngineWorkload(CompiledFramework framework, byte[] jsonLines, IReadOnlyList<CaseRecord> records)
    {
        Framework = framework;
        JsonLines = jsonLines;
        Records = records;
    }

    public CompiledFramework Framework { get; }

    /// <summary>The generated cases as a JSON Lines file's bytes.</summary>
    public byte[] JsonLines { get; }

    /// <summary>The readable, clean cases of <see cref="JsonLines"/> as records (copies, not reused).</summary>
    public IReadOnlyList<CaseRecord> Records { get; }

    /// <summary>Compiles probation-2021 and draws <paramref name="cases"/> sample cases (seed 2021, as the committed samples).</summary>
    public static EngineWorkload Create(int cases, int seed = 2021)
    {
        var workspace = new RulesWorkspace(new PhysicalFileSystem());
        var compilation = workspace.CompileAll(Path.Combine(RepositoryRoot(), "rules", "probation-2021")).First(c => !c.Model.IsLibrary);
        if (compilation.HasErrors) throw new InvalidOperationException("rules/probation-2021 does not compile.");
        var framework = CompiledFramework.Create(compilation.Model);

        var text = new StringWriter();
        SampleFiles.Write(compilation.Model, text, TextWriter.Null, cases, seed, verify: false);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());

        var records = new List<CaseRecord>(cases);
        var evaluator = new CaseEvaluator(framework);
        using var reader = CaseReader.Open(new MemoryStream(bytes), CaseInputFormat.JsonLines, framework.Schema);
        while (reader.MoveNext())
        {
            if (reader.Current.Problems.Count > 0) continue;
            var trial = reader.Current.Copy();
            evaluator.Evaluate(trial);
            if (trial.Problems.Count == 0) records.Add(reader.Current.Copy());
        }

        // Evaluators made from now on start with the compiled conditions (a new evaluator runs the program until they are ready).
        framework.MethodsCompiling.GetAwaiter().GetResult();
        return new EngineWorkload(framework, bytes, records);
    }

    /// <summary>The folder holding Rules.sln, found from the working directory or from this source file.</summary>
    public static string RepositoryRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), Path.GetDirectoryName(source) })
        {
            var directory = start;
            while (directory is not null && !File.Exists(Path.Combine(directory, "Rules.sln"))) directory = Path.GetDirectoryName(directory);
            if (directory is not null) return directory;
        }

        throw new InvalidOperationException("The repository root (the folder with Rules.sln) was not found.");
    }
}
