using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Rules.Core.Evaluation;

namespace Rules.SampleData;

/// <summary>
/// Writes records as CLI.md's CSV: a header <c>id,inspection,case.FIELD…,CODE…</c>, then one row per
/// record; set members <c>;</c>-separated; an empty cell for no value; cells quoted per RFC 4180
/// when they hold a comma, quote or line break. Lines end with LF, like the JSON Lines file (readers
/// take either ending; LF keeps the committed file free of carriage returns).
/// </summary>
public sealed class CsvWriter
{
    private readonly TextWriter _output;
    private readonly ImmutableArray<string> _fields;
    private readonly ImmutableArray<string> _codes;
    private readonly Dictionary<string, int> _fieldIndex;
    private readonly Dictionary<string, int> _codeIndex;
    private readonly string?[] _cells;
    private readonly StringBuilder _line = new();

    public CsvWriter(TextWriter output, ImmutableArray<string> fields, ImmutableArray<string> codes)
    {
        _output = output;
        _fields = fields;
        _codes = codes;
        _fieldIndex = fields.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => 2 + x.i);
        _codeIndex = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => 2 + fields.Length + x.i);
        _cells = new string?[2 + fields.Length + codes.Length];
    }

    public void WriteHeader() =>
        WriteRow(["id", "inspection", .. _fields.Select(f => "case." + f), .. _codes], _cells.Length);

    public void Write(SampleRecord record)
    {
        Array.Clear(_cells);
        _cells[0] = record.Id;
        _cells[1] = record.Inspection;
        foreach (var (name, value) in record.Fields)
            _cells[_fieldIndex[name]] = Cell(value);
        foreach (var (code, option) in record.Answers)
            _cells[_codeIndex[code]] = option;
        // A row cut short: the first half of its cells.
        WriteRow(_cells, record.Defect == RecordDefect.Truncated ? _cells.Length / 2 : _cells.Length);
    }

    private void WriteRow(IReadOnlyList<string?> cells, int count)
    {
        var line = _line.Clear();
        for (var i = 0; i < count; i++)
        {
            if (i > 0) line.Append(',');
            AppendCell(line, cells[i]);
        }
        line.Append('\n');
        _output.Write(line);
    }

    private static string Cell(CaseValue value) => value switch
    {
        CaseValue.Number n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        CaseValue.Boolean b => b.Value ? "true" : "false",
        CaseValue.Text t => t.Value,
        CaseValue.List l => string.Join(';', l.Values),
        _ => "",
    };

    private static void AppendCell(StringBuilder line, string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return;
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(cell);
            return;
        }
        line.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
    }
}
