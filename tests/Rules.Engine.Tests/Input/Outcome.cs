using System.Collections.Immutable;
using System.Text;
using Rules.Engine.Input;

namespace Rules.Engine.Tests.Input;

/// <summary>What a test keeps of one record (the reader reuses its record object).</summary>
internal sealed record Outcome(string? Id, int Line, string Inspection, bool Rejected, ImmutableArray<RecordProblem> Problems, ImmutableArray<int> Answers, string[] Fields)
{
    public static List<Outcome> ReadAll(string text, CaseInputFormat format, CaseReaderOptions? options = null) =>
        ReadAll(Encoding.UTF8.GetBytes(text), format, options);

    public static List<Outcome> ReadAll(byte[] bytes, CaseInputFormat format, CaseReaderOptions? options = null)
    {
        using var reader = CaseReader.Open(new MemoryStream(bytes), format, SampleSchema.Instance, options);
        var outcomes = new List<Outcome>();
        while (reader.MoveNext()) outcomes.Add(From(reader.Current));
        Assert.Equal(outcomes.Count, reader.RecordsRead);
        return outcomes;
    }

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
