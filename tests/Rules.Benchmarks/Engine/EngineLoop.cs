using System.Diagnostics;
using Rules.Engine.Aggregation;
using Rules.Engine.Evaluation;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// <c>engine-loop compiled|yardstick|routing|run [seconds]</c>: one engine operation over and over for a
/// profiler (<c>dotnet-trace collect -- dotnet Rules.Benchmarks.dll engine-loop compiled 20</c>).
/// </summary>
public static class EngineLoop
{
    public static int Run(TextWriter output, string operation, double seconds)
    {
        var workload = EngineWorkload.Create(2_000);
        var framework = workload.Framework;
        var evaluator = new CaseEvaluator(framework);
        var tally = new InspectionTally(framework.Layout);
        var yardstick = new HandWrittenEvaluator(framework.Schema);
        var handTally = new HandWrittenTally(yardstick);
        Func<long> step = operation switch
        {
            "compiled" => () => EngineOperations.Compiled(evaluator, workload.Records, tally),
            "yardstick" => () => EngineOperations.HandWritten(yardstick, workload.Records, handTally),
            "routing" => () => EngineOperations.CompiledEvaluateOnly(evaluator, workload.Records),
            "run" => () => EngineOperations.EndToEnd(new MemoryStream(workload.JsonLines), framework),
            "read" => () => EngineOperations.Read(new MemoryStream(workload.JsonLines), framework.Schema),
            _ => throw new ArgumentException($"Unknown operation '{operation}': compiled, yardstick, routing, run or read."),
        };
        var watch = Stopwatch.StartNew();
        long total = 0, steps = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            total += step();
            steps++;
        }

        output.WriteLine($"{operation}: {steps} passes, {total} cases in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
