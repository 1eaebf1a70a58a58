using System.Collections.Immutable;
using System.Globalization;
using Rules.Core.Analysis;
using Rules.Core.Diagnostics;
using Rules.Core.Parsing;
using Rules.Core.Semantics;
using Rules.Core.Text;
using Rules.Core.Workspace;

namespace Rules.Benchmarks;

/// <summary>
/// `phases [lines]`: time and allocation of each phase of a check (lex, parse, bind, each lint
/// rule) on a generated framework, to see where the work goes without a profiler.
/// </summary>
public static class PhaseProbe
{
    public static int Run(TextWriter output, IReadOnlyList<string> arguments)
    {
        // A number of lines generates a framework; a folder measures a real one (e.g. rules/probation-2021).
        IFileSystem fileSystem;
        string root, title;
        if (arguments.Count > 0 && Directory.Exists(arguments[0]))
        {
            root = Path.GetFullPath(arguments[0]);
            fileSystem = new CachedFileSystem(new PhysicalFileSystem()); // as `rules check` and `rules lsp` read it
            title = arguments[0];
        }
        else
        {
            var framework = FrameworkGenerator.ForLines(arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 10_000);
            fileSystem = Pipeline.FileSystemFor(framework);
            root = Pipeline.WorkspaceRoot;
            title = $"{framework.Lines:N0} lines";
        }
        var warm = new SyntaxTreeCache();
        var workspace = new RulesWorkspace(fileSystem, warm);
        var project = workspace.Discover(root).First(p => !p.IsLibrary);
        var trees = project.Files.Select(workspace.GetTree).ToImmutableArray();
        var sources = project.Files.Select(f => new SourceText(fileSystem.ReadAllText(f), f)).ToArray();

        output.WriteLine($"| phase ({title}) | median ms | MB allocated | collections (gen 0/1/2) in one run |");
        output.WriteLine("|---|---:|---:|---:|");
        Report(output, "lex", () => sources.Sum(s =>
        {
            var tokens = new Lexer(s, new List<Diagnostic>()).Lex();
            return tokens.Count;
        }));
        Report(output, "lex+parse", () => sources.Sum(s => Parser.Parse(s).Root.Declarations.Length));
        Report(output, "bind", () => Binder.Bind(project, trees, [], []).Questions.Length);
        var model = workspace.Compile(project).Model; // with its imports, as the rules see it
        Report(output, "bind (with imports)", () => Binder.Bind(project, trees, model.ImportedTrees, []).Questions.Length);
        Report(output, "settings", () => RulesSettings.Load(fileSystem, project.WorkspaceRoot).Problems.Length);
        foreach (var rule in Analyzer.Rules)
            Report(output, rule.GetType().Name, () => { var n = 0; rule.Analyze(model, _ => n++); return n; });
        Report(output, "compile (trees cached)", () => workspace.Compile(project).Diagnostics.Length);
        Report(output, "check (fresh workspace)", () => new RulesWorkspace(fileSystem is CachedFileSystem ? new CachedFileSystem(new PhysicalFileSystem()) : fileSystem).CompileAll(root).Length);

        // Which types the big phases allocate (sampled), when asked for: `phases N allocations`.
        if (arguments.Count > 1 && arguments[1] == "allocations")
        {
            using var sampler = new AllocationSampler();
            var phases = new (string Name, Action Run)[]
            {
                ("lex+parse", () => { foreach (var s in sources) Parser.Parse(s); }),
                ("bind", () => Binder.Bind(project, trees, model.ImportedTrees, [])),
                ("lint", () => Analyzer.Analyze(model)),
                ("check (fresh workspace)", () => new RulesWorkspace(fileSystem is CachedFileSystem ? new CachedFileSystem(new PhysicalFileSystem()) : fileSystem).CompileAll(root)),
            };
            foreach (var (name, run) in phases)
            {
                output.WriteLine();
                output.WriteLine($"Allocated by {name} (10 runs, sampled every ~100 KB):");
                foreach (var (type, bytes) in sampler.Record(() => { for (var i = 0; i < 10; i++) run(); }).Take(40))
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 10.0 / (1024 * 1024),6:F2} MB  {type}"));
            }
        }
        return 0;
    }

    private static void Report(TextWriter output, string phase, Func<int> action)
    {
        var median = QuickHarness.Median(15, 40, () => action());
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        action();
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (1024.0 * 1024.0);
        var collections = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {median:F2} | {allocated:F1} | {collections} |"));
    }
}
