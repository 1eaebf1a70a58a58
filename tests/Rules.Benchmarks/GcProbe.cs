using System.Globalization;
using Rules.Core.Workspace;

namespace Rules.Benchmarks;

/// <summary>
/// `gc [lines] [runs]`: every garbage collection during parse-only and parse+bind+lint runs of a generated framework
/// (generation, bytes before, promoted, pause), to see what the collector costs as the input grows.
/// </summary>
public static class GcProbe
{
    public static int Run(TextWriter output, IReadOnlyList<string> arguments)
    {
        var lines = arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 100_000;
        var runs = arguments.Count > 1 ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 3;
        var framework = FrameworkGenerator.ForLines(lines);
        var fileSystem = Pipeline.FileSystemFor(framework);
        output.WriteLine($"{framework.Lines:N0} lines, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, concurrent {GCSettings()}");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var trees = framework.Files.Select(f => Rules.Core.Syntax.SyntaxTree.Parse(f.Text, f.Name)).ToArray();
        var treeBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var compilations = new RulesWorkspace(fileSystem).CompileAll(Pipeline.WorkspaceRoot);
        var checkBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live after a full collection: syntax trees {treeBytes / 1048576.0:F1} MB ({treeBytes / (double)framework.RulesText.Length:F1} bytes per character), trees + a check's compilations {checkBytes / 1048576.0:F1} MB"));
        long tokens = 0, nodes = 0, children = 0, textChars = 0;
        foreach (var tree in trees)
            foreach (var node in tree.Root.DescendantNodesAndSelf())
            {
                nodes++;
                children += node.Children.Length;
                foreach (var child in node.Children)
                    if (child.TryGetToken(out var token)) { tokens++; if (token.Kind is Rules.Core.Syntax.SyntaxKind.StringToken or Rules.Core.Syntax.SyntaxKind.MultiLineStringToken) textChars += token.Text.Length; }
            }
        output.WriteLine($"{tokens:N0} tokens, {nodes:N0} nodes, {children:N0} children, {textChars:N0} characters in quoted text");
        GC.KeepAlive(trees);
        GC.KeepAlive(compilations);
        trees = null;
        compilations = default;
        Trace(output, "parse", runs, () => Pipeline.Parse(framework));
        Trace(output, "parse+bind+lint", runs, () => Pipeline.Check(fileSystem));
        if (arguments.Count > 2 && arguments[2] == "perfile")
        {
            // Collecting in small steps: a collection of the given generation before each file is read, against the
            // same check with the collector left alone; each run starts from a collected heap, as a `rules check` does.
            var generation = arguments.Count > 3 ? int.Parse(arguments[3], CultureInfo.InvariantCulture) : 0;
            Trace(output, $"parse+bind+lint, gen{generation} collection before each file", runs,
                () => { GC.Collect(); return Pipeline.Check(new CollectingFileSystem(fileSystem, generation)); });
            Trace(output, "parse+bind+lint (again)", runs, () => { GC.Collect(); return Pipeline.Check(fileSystem); });
        }
        if (arguments.Count > 2 && arguments[2] == "nogc")
        {
            // What a check costs when the collector stays out of it: GC.TryStartNoGCRegion with room for all it allocates.
            var budget = (long)(Pipeline.CheckAllocationEstimate(framework) * 1.5);
            Trace(output, $"parse+bind+lint, no-GC region of {budget / 1048576} MB", runs, () =>
            {
                GC.Collect();
                var started = GC.TryStartNoGCRegion(budget);
                try { return Pipeline.Check(fileSystem); }
                finally { if (started && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion(); else output.WriteLine($"  (no-GC region started: {started}, ended early)"); }
            });
        }
        return 0;
    }

    private static string GCSettings() => AppContext.GetData("System.GC.Concurrent")?.ToString() ?? "default";

    private static void Trace(TextWriter output, string name, int runs, Func<object> action)
    {
        for (var run = 0; run < runs; run++)
        {
            var last = GC.CollectionCount(0);
            var pause = GC.GetTotalPauseDuration();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            action();
            var elapsed = watch.Elapsed.TotalMilliseconds;
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} run {run}: {elapsed:F0} ms, {GC.CollectionCount(0) - last} collections, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms; last: gen{info.Generation} #{info.Index} heap {info.HeapSizeBytes / 1048576.0:F0} MB, promoted {info.PromotedBytes / 1048576.0:F0} MB, gen0 before {info.GenerationInfo[0].SizeBeforeBytes / 1048576.0:F0} MB, compacted {info.Compacted}, pause {info.PauseDurations[0].TotalMilliseconds:F0} ms, committed {info.TotalCommittedBytes / 1048576.0:F0} MB"));
        }
    }
}

/// <summary>Collects before each rule file is read (for `gc ... perfile`).</summary>
internal sealed class CollectingFileSystem(IFileSystem inner, int generation) : IFileSystem
{
    public bool FileExists(string path) => inner.FileExists(path);

    public bool DirectoryExists(string path) => inner.DirectoryExists(path);

    public string ReadAllText(string path)
    {
        if (PathUtil.IsRuleFile(path)) GC.Collect(generation, GCCollectionMode.Forced, blocking: true);
        return inner.ReadAllText(path);
    }

    public IEnumerable<string> EnumerateRuleFiles(string directory) => inner.EnumerateRuleFiles(directory);
}
