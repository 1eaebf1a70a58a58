using System.Globalization;
using BenchmarkDotNet.Running;
using Rules.Benchmarks;

// quick [lines...]          key figures in seconds (Stopwatch, median of runs)
// engine-quick [--cases N] [--records N] [--file cases.jsonl]   the engine's figures (evaluation vs the yardstick, MB/s)
// generate DIR [lines]      writes DIR/framework.rules and DIR/framework.json
// phases [lines|folder] [allocations]   time, allocation and GC counts per phase (lex, parse, bind, each lint rule)
// gc [lines] [runs]         every collection during parse and parse+bind+lint runs (generation, promoted, pause)
// loop [lines] [iterations] [parse]  parse+bind+lint (or parse alone) repeatedly, for a profiler
// engine-loop compiled|yardstick|routing|run|read [seconds]   one engine operation repeatedly, for a profiler
// engine-lines [--cases N] [--passes N]   parsing one line: plain-line reading vs Utf8JsonReader, and two floors
// engine-parallel [--cases N] [--file F] [--threads 0,1,0j] [--runs 5]   reading and whole runs with and without parse threads / plain-line reading (wall clock)
// engine-ids [--sizes 1000000,10000000] [--runs 3]   the case id registry alone: ns per insert by size
// keystroke [--sizes 20000,100000,400000] [--keystrokes 200]   one keystroke's compilation as the framework grows: incremental vs binding every file
// census [lines] [rows]     what a check keeps alive, by type (objects, MB, references)
// profile ITERATIONS TRACE.speedscope.json...   ms per check under each phase and lint rule, from dotnet-trace of `loop`
// anything else             BenchmarkDotNet (e.g. --filter '*' --job short)
if (args.Length > 0 && args[0] == "phases")
    return PhaseProbe.Run(Console.Out, args[1..]);

if (args.Length > 0 && args[0] == "census")
    return HeapCensus.Run(Console.Out, args[1..]);

if (args.Length > 0 && args[0] == "profile")
    return ProfileSummary.Run(Console.Out, args[1..]);

if (args.Length > 0 && args[0] == "gc")
    return GcProbe.Run(Console.Out, args[1..]);

if (args.Length > 0 && args[0] == "keystroke")
    return KeystrokeProbe.Run(Console.Out, args[1..]);

if (args.Length > 0 && args[0] == "quick")
    return QuickHarness.Run(Console.Out, args[1..]);

if (args.Length > 1 && args[0] == "engine-loop")
    return Rules.Benchmarks.Engine.EngineLoop.Run(Console.Out, args[1], args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20);

if (args.Length > 0 && args[0] == "engine-ids")
    return Rules.Benchmarks.Engine.IdRegistryHarness.Run(Console.Out, args[1..]);

if (args.Length > 0 && args[0] == "engine-lines")
    return Rules.Benchmarks.Engine.LineParseHarness.Run(Console.Out, args[1..]);

if (args.Length > 0 && args[0] == "engine-parallel")
    return Rules.Benchmarks.Engine.ParallelReadHarness.Run(Console.Out, args[1..]);

if (args.Length > 0 && args[0] == "engine-quick")
    return Rules.Benchmarks.Engine.EngineQuickHarness.Run(Console.Out, args[1..]);

if (args.Length > 1 && args[0] == "generate")
{
    var lines = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
    var framework = FrameworkGenerator.ForLines(lines);
    Directory.CreateDirectory(args[1]);
    foreach (var file in framework.Files) File.WriteAllText(Path.Combine(args[1], file.Name), file.Text);
    File.WriteAllText(Path.Combine(args[1], "framework.json"), framework.JsonText);
    Console.WriteLine($"Wrote {framework.Lines} lines ({framework.Standards} standards) to {args[1]}");
    return 0;
}

if (args.Length > 0 && args[0] == "loop")
{
    // For profilers (dotnet-trace): parse + bind + lint the same framework over and over.
    var lines = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
    var iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
    var framework = FrameworkGenerator.ForLines(lines);
    var fileSystem = Pipeline.FileSystemFor(framework);
    var parseOnly = args.Length > 3 && args[3] == "parse"; // `loop N I parse`: parsing alone
    var total = 0;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var pause = GC.GetTotalPauseDuration();
    for (var i = 0; i < iterations; i++) total += parseOnly ? Pipeline.Parse(framework) : Pipeline.Check(fileSystem);
    Console.WriteLine(total);
    // What an iteration costs back to back (as BenchmarkDotNet runs it), and the collector's part of that.
    Console.WriteLine(FormattableString.Invariant(
        $"{watch.Elapsed.TotalMilliseconds / iterations:F2} ms per iteration, of which GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / iterations:F2} ms; collections gen0/1/2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(CheckBenchmarks).Assembly).Run(args);
return 0;
