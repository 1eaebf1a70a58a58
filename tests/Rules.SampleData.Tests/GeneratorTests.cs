using Rules.Core.Semantics;
using Rules.SampleData;

namespace Rules.SampleData.Tests;

public class GeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_bytes()
    {
        var first = Repository.Generate(Repository.Framework2021, 400, 7);
        var second = Repository.Generate(Repository.Framework2021, 400, 7);
        Assert.Equal(first.Jsonl, second.Jsonl);
        Assert.Equal(first.Csv, second.Csv);
    }

    [Fact]
    public void Another_seed_gives_other_cases()
    {
        var first = Repository.Generate(Repository.Framework2021, 200, 7);
        var second = Repository.Generate(Repository.Framework2021, 200, 8);
        Assert.NotEqual(first.Jsonl, second.Jsonl);
    }

    [Fact]
    public void The_committed_files_are_the_generators_output()
    {
        // If this fails after a framework change, regenerate (see rules/probation-2021/samples/README.md) and commit.
        var (jsonl, csv, _) = Repository.Generate(Repository.Framework2021, SampleDefaults.Cases, SampleDefaults.Seed);
        Assert.True(jsonl == CommittedSamples.Jsonl, "cases.jsonl differs from the generator's output: regenerate it");
        Assert.True(csv == CommittedSamples.Csv, "cases.csv differs from the generator's output: regenerate it");
    }

    [Fact]
    public void Every_clean_case_is_valid_for_the_reference_interpreter_when_verified_while_generating()
    {
        var generator = new SampleGenerator(Repository.Framework2021, 300, 11, verify: true);
        var records = generator.Generate().ToList();
        Assert.Equal(300, records.Count);
        Assert.All(records.Where(r => r.Intended.IsEmpty), r => Assert.Empty(generator.Problems(r)));
    }

    [Fact]
    public void Small_runs_have_no_invalid_records_and_no_extra_columns()
    {
        var (jsonl, csv, summary) = Repository.Generate(Repository.Framework2021, 20, 1);
        Assert.Equal(20, summary.Clean);
        Assert.Equal(20, jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("offence_type", csv);
    }

    [Fact]
    public void Items_are_answered_after_the_items_their_conditions_read()
    {
        var order = RoutingOrder.Of(Repository.Framework2021).Select(q => q.Code).ToList();
        Assert.True(order.IndexOf("2.4.1.d") < order.IndexOf("2.4.1.e"));
        Assert.True(order.IndexOf("2.4.1.d") < order.IndexOf("2.4.1.f"));
        foreach (var question in Repository.Framework2021.Questions)
        foreach (var (_, condition) in question.ConditionChain())
        foreach (var referenced in RoutingOrder.Referenced(condition))
            Assert.True(order.IndexOf(referenced.Code) < order.IndexOf(question.Code), $"{referenced.Code} before {question.Code}");
    }

    [Fact]
    public void Codes_are_in_the_frameworks_numbering_order()
    {
        var codes = FrameworkOrder.Questions(Repository.Framework2021).Select(q => q.Code).ToList();
        Assert.True(codes.IndexOf("1.2.9") < codes.IndexOf("1.2.10"));
        Assert.True(codes.IndexOf("1.4.3") < codes.IndexOf("2.2.1"));
        Assert.True(codes.IndexOf("2.4.1") < codes.IndexOf("2.4.1.a"));
    }

    [Fact]
    public void The_2018_framework_can_be_sampled_too()
    {
        var model = FrameworkLoader.Load(Path.Combine(Repository.Root, "rules", "probation-2018"));
        var generator = new SampleGenerator(model, 200, 3, verify: true);
        var records = generator.Generate().ToList();
        Assert.Equal(200, records.Count);
        foreach (var record in records.Where(r => r.Defect == RecordDefect.None && r.Intended is not ["RL1006"]))
            Assert.Equal(record.Intended.ToArray(), generator.Problems(record).ToArray());
    }

    [Fact]
    public void A_folder_that_is_not_a_framework_is_refused_with_a_message()
    {
        var e = Assert.Throws<SampleDataException>(() => FrameworkLoader.Load(Path.Combine(Repository.Root, "rules", "common")));
        Assert.Contains("not a framework folder", e.Message);
        e = Assert.Throws<SampleDataException>(() => FrameworkLoader.Load(Path.Combine(Repository.Root, "no-such-folder")));
        Assert.Contains("cannot find", e.Message);
    }
}

public class PipelineTests
{
    [Fact]
    public void Drawing_on_another_thread_writes_the_same_bytes()
    {
        var plain = (Jsonl: new StringWriter(), Csv: new StringWriter());
        var piped = (Jsonl: new StringWriter(), Csv: new StringWriter());
        SampleFiles.Write(Repository.Framework2021, plain.Jsonl, plain.Csv, 3000, 5, verify: false, pipelined: false);
        SampleFiles.Write(Repository.Framework2021, piped.Jsonl, piped.Csv, 3000, 5, verify: false, pipelined: true);
        Assert.Equal(plain.Jsonl.ToString(), piped.Jsonl.ToString());
        Assert.Equal(plain.Csv.ToString(), piped.Csv.ToString());
    }

    [Fact]
    public void A_failing_writer_stops_the_run_with_its_error()
    {
        var failing = new FailingWriter();
        Assert.Throws<IOException>(() =>
            SampleFiles.Write(Repository.Framework2021, failing, new StringWriter(), 30_000, 5, verify: false, pipelined: true));
    }

    private sealed class FailingWriter : TextWriter
    {
        private int _writes;

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            if (++_writes > 1000) throw new IOException("disk full");
        }
    }
}
