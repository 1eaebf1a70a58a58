using System.Collections.Immutable;
using System.Text;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

/// <summary>What a test keeps of one record (the reader reuses its record object).</summary>
internal sealed record Outcome(string? Id, int Line, string Inspection, bool Rejected, ImmutableArray<RecordProblem> Problems, ImmutableArray<int> Answers, string[] Fields)
{
    public static List<Outcome> ReadAll(string text, CaseInputFormat format, CaseReaderOptions? options = null) =>
        ReadAll(Encoding.UTF8.GetBytes(text), format, options);

    /// <summary>
    /// Every record of the input, read on the calling thread. The same input is also read with
    /// parse threads in several settings (from the first record, after a few, with batches of one
    /// record and of a few bytes), and with every JSON line read by System.Text.Json's reader (no
    /// plain-line reading), and each must give exactly the same records.
    /// </summary>
    public static List<Outcome> ReadAll(byte[] bytes, CaseInputFormat format, CaseReaderOptions? options = null)
    {
        var single = options ?? CaseReaderOptions.Default;
        Assert.Equal(0, single.ParseThreads);
        var outcomes = ReadOnce(bytes, format, single);
        var expected = outcomes.Select(o => o.Describe()).ToList();
        foreach (var other in OtherSettings(single))
        {
            var again = ReadOnce(bytes, format, other);
            Assert.Equal(expected, again.Select(o => o.Describe()));
        }

        return outcomes;
    }

    /// <summary>
    /// The same limits, read differently: without plain-line reading; and with parse threads in
    /// settings that exercise every hand-over (batch edges, the switch from the caller's thread,
    /// several threads).
    /// </summary>
    public static IEnumerable<CaseReaderOptions> OtherSettings(CaseReaderOptions single) =>
    [
        single with { PlainLines = false },
        single with { ParseThreads = 1, ParallelAfterRecords = 0, BatchRecords = 1 },
        single with { ParseThreads = 2, ParallelAfterRecords = 1, BatchRecords = 3, BatchBytes = 40 },
        single with { ParseThreads = 3, ParallelAfterRecords = 2 },
    ];

    private static List<Outcome> ReadOnce(byte[] bytes, CaseInputFormat format, CaseReaderOptions options)
    {
        using var reader = CaseReader.Open(new MemoryStream(bytes), format, SampleSchema.Instance, options);
        var outcomes = new List<Outcome>();
        while (reader.MoveNext()) outcomes.Add(From(reader.Current));
        Assert.False(reader.MoveNext());
        Assert.Equal(outcomes.Count, reader.RecordsRead);
        Assert.False(reader.HasRunningParseThreads);
        return outcomes;
    }

    /// <summary>Everything the outcome holds, as text (for comparing outcomes: the arrays compare by reference).</summary>
    public string Describe() =>
        $"{Id}|{Line}|{Inspection}|{Rejected}|{string.Join(";", Problems.Select(p => $"{p.Id} {p.Severity} {p.CaseId} {p.Line} {p.Subject} {p.Value} {p.Message}"))}|{string.Join(",", Answers)}|{string.Join(",", Fields)}";

    public static Outcome From(CaseRecord record)
    {
        var fields = new List<string>();
        foreach (var field in record.Schema.Fields)
        {
            if (!record.HasValue(field.Slot)) continue;
            var value = field.Kind switch
            {
                CaseFieldKind.Number => record.GetNumber(field.Slot).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CaseFieldKind.Boolean => record.GetBoolean(field.Slot) ? "true" : "false",
                CaseFieldKind.Enum => field.Options.Names[record.GetOption(field.Slot)],
                _ => "{" + string.Join(",", field.Options.Names.Where((_, i) => record.SetContains(field.Slot, i))) + "}",
            };
            fields.Add($"{field.Name}={value}");
        }

        return new Outcome(record.Id, record.Line, record.Inspection, record.IsRejected, [.. record.Problems], [.. record.Answers.ToArray()], fields.ToArray());
    }

    /// <summary>The only problem; fails when there is not exactly one.</summary>
    public RecordProblem Single() => Assert.Single(Problems);

    public string Answer(string code)
    {
        var slot = SampleSchema.Answer(code);
        var option = Answers[slot];
        return option < 0 ? "-" : SampleSchema.Instance.Answers[slot].Options.Names[option];
    }
}
