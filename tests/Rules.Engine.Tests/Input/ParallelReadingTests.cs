using System.Diagnostics;
using System.Text;
using Rules.Engine.Evaluation;
using Rules.Engine.Input;
using Rules.Engine.Reports;
using Rules.Engine.Tests.Framework;

namespace Rules.Engine.Tests.Input;

/// <summary>
/// Reading with parse threads (<see cref="CaseReaderOptions.ParseThreads"/>) gives what reading on
/// the calling thread gives: the same records, problems, duplicate ids and reports; failures of
/// the stream or of a parser reach the caller after the same records, with the same messages; and
/// no thread is started for small inputs or left running. (Every reader test that goes through
/// <see cref="Outcome.ReadAll(byte[], CaseInputFormat, CaseReaderOptions?)"/> also compares the
/// two ways of reading.)
/// </summary>
public sealed class ParallelReadingTests
{
    private const string Good = """{"id":"C-1","inspection":"north","case":{"type":"community","rosh":"low","age":30,"harm_indicators":false,"requirements":["rar"]},"answers":{"2.4.1":"yes","2.4.1.a":"yes","2.4.1.b":"no","2.4.1.c":"none","2.4.2":"yes","2.4.3":"no","2.4.3.a":"no"}}""";

    [Fact]
    public void Small_inputs_are_read_without_starting_a_thread()
    {
        var bytes = Lines(100, i => Good.Replace("C-1", $"C-{i}"));
        using var reader = Open(bytes, new CaseReaderOptions { ParseThreads = 2 });
        var read = 0;
        while (reader.MoveNext()) read++;
        Assert.Equal(100, read);
        Assert.False(reader.StartedParseThreads);
    }

    [Fact]
    public void Large_inputs_start_the_threads_after_the_first_records_and_stop_them_at_the_end()
    {
        var bytes = Lines(CaseReaderOptions.DefaultParallelAfterRecords + 3000, i => Good.Replace("C-1", $"C-{i}"));
        using var reader = Open(bytes, new CaseReaderOptions { ParseThreads = 1 });
        var lines = new List<int>();
        while (reader.MoveNext())
        {
            lines.Add(reader.Current.Line);
            Assert.Equal(lines.Count > CaseReaderOptions.DefaultParallelAfterRecords, reader.StartedParseThreads);
        }

        Assert.Equal(Enumerable.Range(1, CaseReaderOptions.DefaultParallelAfterRecords + 3000), lines);
        Assert.False(reader.HasRunningParseThreads);
        Assert.Equal(bytes.Length, reader.BytesRead);
    }

    [Fact]
    public void Duplicate_ids_are_found_across_the_switch_to_threads_and_across_batches()
    {
        // Ids repeat at distances that cross batch edges and the switch after 5 records.
        var bytes = Lines(400, i => Good.Replace("C-1", $"C-{i % 37}"));
        var single = ReadAll(bytes, CaseReaderOptions.Default);
        Assert.Equal(400 - 37, single.Count(o => o.Problems.Any(p => p.Id == ProblemIds.DuplicateId)));
        foreach (var options in new[]
                 {
                     new CaseReaderOptions { ParseThreads = 1, ParallelAfterRecords = 5, BatchRecords = 7 },
                     new CaseReaderOptions { ParseThreads = 3, ParallelAfterRecords = 0, BatchRecords = 2, BatchBytes = 100 },
                 })
        {
            Assert.Equal(single.Select(o => o.Describe()), ReadAll(bytes, options).Select(o => o.Describe()));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_failing_or_cancelled_stream_fails_after_the_same_records_with_the_same_exception(bool cancelled)
    {
        var bytes = Lines(300, i => Good.Replace("C-1", $"C-{i}"));
        var failAt = bytes.Length * 2 / 3;
        var (single, singleError) = ReadUntilFailure(new FailingStream(bytes, failAt, cancelled), CaseReaderOptions.Default);
        var expectedType = cancelled ? typeof(OperationCanceledException) : typeof(IOException);
        Assert.IsType(expectedType, singleError);
        Assert.NotEmpty(single);
        foreach (var options in Outcome.OtherSettings(CaseReaderOptions.Default))
        {
            var (parallel, error) = ReadUntilFailure(new FailingStream(bytes, failAt, cancelled), options);
            Assert.Equal(single, parallel);
            Assert.IsType(expectedType, error);
            Assert.Equal(singleError.Message, error.Message);
        }
    }

    [Fact]
    public void A_failure_while_parsing_reaches_the_caller_after_the_same_records()
    {
        // An escaped field name goes to the schema's own lookup, which throws for this one.
        var schema = new ThrowingSchema();
        var bytes = Lines(200, i => i == 150 ? """{"id":"C-150","case":{"bo\u006fm":1}}""" : Good.Replace("C-1", $"C-{i}"));
        var (single, singleError) = ReadUntilFailure(new MemoryStream(bytes), CaseReaderOptions.Default, schema);
        Assert.Equal(149, single.Count);
        Assert.Equal(ThrowingSchema.Message, singleError.Message);
        foreach (var options in Outcome.OtherSettings(CaseReaderOptions.Default))
        {
            var (parallel, error) = ReadUntilFailure(new MemoryStream(bytes), options, schema);
            Assert.Equal(single, parallel);
            Assert.IsType<InvalidOperationException>(error);
            Assert.Equal(ThrowingSchema.Message, error.Message);
        }
    }

    [Fact]
    public void Disposing_the_reader_early_stops_its_threads()
    {
        var bytes = Lines(20_000, i => Good.Replace("C-1", $"C-{i}"));
        var reader = Open(bytes, new CaseReaderOptions { ParseThreads = 2, ParallelAfterRecords = 0, BatchRecords = 16 });
        for (var i = 0; i < 10; i++) Assert.True(reader.MoveNext());
        Assert.True(reader.StartedParseThreads);
        var watch = Stopwatch.StartNew();
        reader.Dispose();
        Assert.False(reader.HasRunningParseThreads);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Dispose took {watch.Elapsed}");
        Assert.Throws<ObjectDisposedException>(() => reader.MoveNext());
    }

    [Fact]
    public void Progress_bytes_only_grow_and_end_at_the_length_of_the_input()
    {
        var bytes = Lines(3000, i => Good.Replace("C-1", $"C-{i}"));
        using var reader = Open(bytes, new CaseReaderOptions { ParseThreads = 1, ParallelAfterRecords = 100, BatchRecords = 50 });
        long last = 0;
        while (reader.MoveNext())
        {
            Assert.True(reader.BytesRead >= last);
            Assert.True(reader.BytesRead <= bytes.Length);
            last = reader.BytesRead;
        }

        Assert.Equal(bytes.Length, reader.BytesRead);
    }

    [Fact]
    public void Reports_are_identical_with_parse_threads_on_the_sample_cases_read_twice()
    {
        // The committed samples (specials included), then the same lines again: every id of the second half repeats.
        var path = Path.Combine(YardstickAgreementTests.RepositoryRoot(), "rules", "probation-2021", "samples", "cases.jsonl");
        var text = File.ReadAllText(path);
        var bytes = Encoding.UTF8.GetBytes(text + "\n" + text);
        AssertSameReports(bytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Reports_are_identical_with_parse_threads_on_random_cases(int seed)
    {
        var random = new Random(seed);
        var schema = YardstickAgreementTests.Framework.Value.Schema;
        var lines = Enumerable.Range(0, 3000).Select(i => YardstickAgreementTests.RandomCase(random, schema, i % 2900)).ToList();
        lines[100] = lines[100][..40];
        lines[2000] = "";
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines));
        AssertSameReports(bytes);
    }

    private static void AssertSameReports(byte[] bytes)
    {
        var framework = YardstickAgreementTests.Framework.Value;
        foreach (var allowMissing in new[] { false, true })
        {
            var expected = Report(bytes, framework, CaseReaderOptions.Default, allowMissing);
            Assert.Contains("\"rejected\"", expected);
            foreach (var options in new[]
                     {
                         new CaseReaderOptions { ParseThreads = 1, ParallelAfterRecords = 0, BatchRecords = 1 },
                         new CaseReaderOptions { ParseThreads = 1, ParallelAfterRecords = 500, BatchRecords = 64 },
                         new CaseReaderOptions { ParseThreads = 3, ParallelAfterRecords = 10, BatchBytes = 4096 },
                         CaseReaderOptions.ForThisMachine() with { ParallelAfterRecords = 0 },
                         CaseReaderOptions.Default with { PlainLines = false },
                     })
            {
                Assert.Equal(expected, Report(bytes, framework, options, allowMissing));
            }
        }
    }

    private static string Report(byte[] bytes, CompiledFramework framework, CaseReaderOptions options, bool allowMissing)
    {
        using var reader = CaseReader.Open(new MemoryStream(bytes), CaseInputFormat.JsonLines, framework.Schema, options);
        var report = EvaluationRun.Run(reader, framework, InspectorRatings.None, allowMissing);
        Assert.Equal(report.Input.Read, report.Input.Evaluated + report.Input.Rejected);
        return ReportWriters.Render(report, ReportScale.Standard, ReportFormat.Json);
    }

    private static (List<string> Records, Exception Error) ReadUntilFailure(Stream stream, CaseReaderOptions options, ICaseSchema? schema = null)
    {
        using var reader = CaseReader.Open(stream, CaseInputFormat.JsonLines, schema ?? SampleSchema.Instance, options);
        var records = new List<string>();
        try
        {
            while (reader.MoveNext()) records.Add(Outcome.From(reader.Current).Describe());
        }
        catch (Exception e)
        {
            Assert.False(reader.HasRunningParseThreads);
            return (records, e);
        }

        throw new Xunit.Sdk.XunitException("The reader did not fail.");
    }

    private static List<Outcome> ReadAll(byte[] bytes, CaseReaderOptions options)
    {
        using var reader = Open(bytes, options);
        var outcomes = new List<Outcome>();
        while (reader.MoveNext()) outcomes.Add(Outcome.From(reader.Current));
        return outcomes;
    }

    private static CaseReader Open(byte[] bytes, CaseReaderOptions options) =>
        CaseReader.Open(new MemoryStream(bytes), CaseInputFormat.JsonLines, SampleSchema.Instance, options);

    private static byte[] Lines(int count, Func<int, string> line) =>
        Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(1, count).Select(line)) + "\n");

    /// <summary>A stream that fails (or is cancelled) once a given number of bytes has been read.</summary>
    private sealed class FailingStream(byte[] bytes, int failAt, bool cancelled = false) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAt && cancelled) throw new OperationCanceledException("The read was cancelled (test).");
            if (Position >= failAt) throw new IOException("The device is not ready (test).");
            return base.Read(buffer, offset, (int)Math.Min(count, failAt - Position));
        }
    }

    /// <summary>The sample schema, except that looking up the field "boom" by its decoded name throws.</summary>
    private sealed class ThrowingSchema : ICaseSchema
    {
        public const string Message = "The schema failed (test).";

        public System.Collections.Immutable.ImmutableArray<CaseFieldSlot> Fields => SampleSchema.Instance.Fields;

        public System.Collections.Immutable.ImmutableArray<AnswerSlot> Answers => SampleSchema.Instance.Answers;

        public CaseFieldSlot? FindField(ReadOnlySpan<char> name) =>
            name.SequenceEqual("boom") ? throw new InvalidOperationException(Message) : SampleSchema.Instance.FindField(name);

        public AnswerSlot? FindAnswer(ReadOnlySpan<char> code) => SampleSchema.Instance.FindAnswer(code);
    }
}
