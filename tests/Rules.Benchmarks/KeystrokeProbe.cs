using System.Globalization;
using Rules.Core.Analysis;
using Rules.Core.Workspace;

namespace Rules.Benchmarks;

/// <summary>
/// What one keystroke costs the compiler as the framework grows around the edited file: a generated framework of
/// each size (files of ~10,000 lines), typing into a summary of its second file (parsed before timing: the edited
/// file is parsed again either way), compiled as the language server
/// does (parsed trees, lint cache and the previous compilation kept) and, alternately, bound from scratch with the
/// trees still cached (what every keystroke cost before incremental binding). Median time (the smaller of wall
/// clock and thread CPU), allocation per compilation, and how many files were bound again.
/// </summary>
public static class KeystrokeProbe
{
    public static int Run(TextWriter output, string[] args)
    {
        if (Engine.HarnessOptions.Read(args, output, "keystroke [--sizes 20000,100000,400000] [--keystrokes 200]", "--sizes", "--keystrokes") is not { } options)
            return 2;
        var sizes = options.List("--sizes", ["20000", "100000", "400000"]).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var keystrokes = options.Int("--keystrokes", 200);
        output.WriteLine("| lines | files | keystroke, incremental | allocated | files bound | keystroke, binding every file | allocated |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var lines in sizes)
        {
            var framework = FrameworkGenerator.ForLines(lines);
            var files = Pipeline.FileSystemFor(framework);
            var path = Pipeline.FrameworkFolder + framework.Files[Math.Min(1, framework.Files.Length - 1)].Name;
            var text = files.Files[path];
            var at = text.IndexOf("summary \"", StringComparison.Ordinal) + "summary \"".Length;
            var trees = new SyntaxTreeCache();
            var lint = new LintCache();
            var project = new RulesWorkspace(files, trees, lint).Discover(Pipeline.WorkspaceRoot).Single(p => !p.IsLibrary);
            var previous = new RulesWorkspace(files, trees, lint).Compile(project);
            var incremental = new List<double>();
            var full = new List<double>();
            long incrementalBytes = 0, fullBytes = 0;
            var bound = 0;
            for (var i = 0; i < keystrokes + 20; i++)
            {
                var edited = i % 2 == 0 ? text.Insert(at, "x") : text;
                files = files.With(path, edited);
                trees.GetOrParse(path, edited); // the edited file is parsed either way: not part of what is compared
                var (ms, bytes, compilation) = Measure(() => new RulesWorkspace(files, trees, lint).Compile(project, previous));
                bound = compilation.Model.Files.Count(f => !previous.Model.Files.Contains(f));
                previous = compilation;
                var (fullMs, fullAllocated, _) = Measure(() => new RulesWorkspace(files, trees, lint).Compile(project));
                if (i < 20) continue; // warming up
                incremental.Add(ms);
                incrementalBytes += bytes;
                full.Add(fullMs);
                fullBytes += fullAllocated;
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {framework.Lines:N0} | {framework.Files.Length} | {Engine.EngineQuickHarness.Median(incremental):F2} ms | {incrementalBytes / 1024.0 / keystrokes:F0} KB | {bound} | {Engine.EngineQuickHarness.Median(full):F2} ms | {fullBytes / 1024.0 / keystrokes:F0} KB |"));
        }
        return 0;
    }

    private static (double Milliseconds, long Bytes, FrameworkCompilation Result) Measure(Func<FrameworkCompilation> compile)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        FrameworkCompilation? result = null;
        var ms = ThreadCpuClock.Time(() => result = compile());
        return (ms, GC.GetAllocatedBytesForCurrentThread() - bytes, result!);
    }
}
