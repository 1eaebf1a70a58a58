using BenchmarkDotNet.Attributes;
using Rules.Engine.Aggregation;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;

namespace Rules.Benchmarks.Engine;

/// <summary>
/// rules/probation-2021 evaluated from pre-read records (routing + validation + tallies) by the
/// compiled evaluator against the hand-written yardstick, and whole runs over JSON Lines in memory.
/// One operation = every record once (<see cref="RecordCount"/> cases, about 2 MB of records, so
/// that they stay in the core's cache as the one record a reader hands out does) or the whole
/// input (<see cref="InputCases"/> cases). Run:
/// <c>dotnet run -c Release --project tests/Rules.Benchmarks -- --filter '*EngineBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    public const int RecordCount = 2_000;
    public const int InputCases = 20_000;

    private EngineWorkload _workload = null!;
    private IReadOnlyList<CaseRecord> _records = null!;
    private CaseEvaluator _evaluator = null!;
    private InspectionTally _tally = null!;
    private HandWrittenEvaluator _yardstick = null!;
    private HandWrittenTally _handTally = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = EngineWorkload.Create(Math.Max(RecordCount, InputCases));
        _records = [.. _workload.Records.Take(RecordCount)];
        _evaluator = new CaseEvaluator(_workload.Framework);
        _tally = new InspectionTally(_workload.Framework.Layout);
        _yardstick = new HandWrittenEvaluator(_workload.Framework.Schema);
        _handTally = new HandWrittenTally(_yardstick);
    }

    [Benchmark(Baseline = true, Description = "Yardstick: hand-written, 2k records")]
    public long HandWritten() => EngineOperations.HandWritten(_yardstick, _records, _handTally);

    [Benchmark(Description = "CaseEvaluator: compiled, 2k records")]
    public long Compiled() => EngineOperations.Compiled(_evaluator, _records, _tally);

    [Benchmark(Description = "Read JSONL only, 20k cases")]
    public long Read() => EngineOperations.Read(new MemoryStream(_workload.JsonLines, writable: false), _workload.Framework.Schema);

    [Benchmark(Description = "EvaluationRun: JSONL to report, 20k cases")]
    public long EndToEnd() => EngineOperations.EndToEnd(new MemoryStream(_workload.JsonLines, writable: false), _workload.Framework);
}
