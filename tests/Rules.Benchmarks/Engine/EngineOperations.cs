using Rules.Engine.Aggregation;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;

namespace Rules.Benchmarks.Engine;

/// <summary>The operations the engine benchmarks time, shared by BenchmarkDotNet and engine-quick.</summary>
public static class EngineOperations
{
    /// <summary>Routing + validation + tallies of every record by the compiled evaluator. Returns the cases counted.</summary>
    public static long Compiled(CaseEvaluator evaluator, IReadOnlyList<CaseRecord> records, InspectionTally tally)
    {
        long counted = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            evaluator.Evaluate(record);
            if (record.IsRejected) continue;
            evaluator.Count(tally.For(record.Inspection));
            counted++;
        }

        return counted;
    }

    /// <summary>Routing + validation (with checks and signals) only, by the compiled evaluator. Returns the cases not rejected.</summary>
    public static long CompiledEvaluateOnly(CaseEvaluator evaluator, IReadOnlyList<CaseRecord> records)
    {
        long clean = 0;
        for (var i = 0; i < records.Count; i++)
        {
            evaluator.Evaluate(records[i]);
            if (!records[i].IsRejected) clean++;
        }

        return clean;
    }

    /// <summary>Routing + validation only, by the yardstick.</summary>
    public static long HandWrittenEvaluateOnly(HandWrittenEvaluator evaluator, IReadOnlyList<CaseRecord> records)
    {
        long clean = 0;
        for (var i = 0; i < records.Count; i++)
        {
            evaluator.Evaluate(records[i]);
            if (!records[i].IsRejected) clean++;
        }

        return clean;
    }

    /// <summary>The same by the hand-written yardstick.</summary>
    public static long HandWritten(HandWrittenEvaluator evaluator, IReadOnlyList<CaseRecord> records, HandWrittenTally tally)
    {
        long counted = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            evaluator.Evaluate(record);
            if (record.IsRejected) continue;
            evaluator.Count(record, tally.For(record.Inspection));
            counted++;
        }

        return counted;
    }

    /// <summary>
    /// The floor for reading: System.Text.Json's <see cref="System.Text.Json.Utf8JsonReader"/> over every
    /// line, reading every token and nothing else. Returns the lines read.
    /// </summary>
    public static long JsonTokens(ReadOnlySpan<byte> jsonLines)
    {
        long lines = 0;
        while (!jsonLines.IsEmpty)
        {
            var end = jsonLines.IndexOf((byte)'\n');
            var line = end < 0 ? jsonLines : jsonLines[..end];
            jsonLines = end < 0 ? default : jsonLines[(end + 1)..];
            if (line.IsEmpty) continue;
            try
            {
                var reader = new System.Text.Json.Utf8JsonReader(line);
                while (reader.Read())
                {
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // the sample's deliberately truncated line
            }

            lines++;
        }

        return lines;
    }

    /// <summary>Reading only: every record of a JSON Lines stream. Returns the records read.</summary>
    public static long Read(Stream jsonLines, ICaseSchema schema)
    {
        using var reader = CaseReader.Open(jsonLines, CaseInputFormat.JsonLines, schema);
        long read = 0;
        while (reader.MoveNext()) read++;
        return read;
    }

    /// <summary>What <c>rules evaluate</c> does after compiling: read, evaluate, count, build the report. Returns the cases read.</summary>
    public static long EndToEnd(Stream jsonLines, CompiledFramework framework)
    {
        using var reader = CaseReader.Open(jsonLines, CaseInputFormat.JsonLines, framework.Schema);
        return EvaluationRun.Run(reader, framework, InspectorRatings.None).Input.Read;
    }

    /// <summary>Reading and the yardstick (for comparison with <see cref="EndToEnd"/>; no report).</summary>
    public static long EndToEndHandWritten(Stream jsonLines, CompiledFramework framework)
    {
        using var reader = CaseReader.Open(jsonLines, CaseInputFormat.JsonLines, framework.Schema);
        var evaluator = new HandWrittenEvaluator(framework.Schema);
        var tally = new HandWrittenTally(evaluator);
        long read = 0;
        while (reader.MoveNext())
        {
            read++;
            var record = reader.Current;
            if (record.IsRejected) continue;
            evaluator.Evaluate(record);
            if (!record.IsRejected) evaluator.Count(record, tally.For(record.Inspection));
        }

        return read;
    }
}
