using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rules.Core.Evaluation;
using Rules.Core.Semantics;

namespace Rules.SampleData.Tests;

/// <summary>One line or row read back from a sample file: the assessment, or why it could not be read (RL1001).</summary>
internal sealed record ReadRecord(int Line, CaseAssessment? Assessment, string? Unreadable);

/// <summary>
/// Reads the sample files back the way CLI.md describes the input, independently of the generator,
/// so the tests check the files themselves.
/// </summary>
internal static class InputReader
{
    public static List<ReadRecord> ReadJsonLines(string text)
    {
        var records = new List<ReadRecord>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var id = root.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
                if (id is null)
                {
                    records.Add(new ReadRecord(i + 1, null, "no id"));
                    continue;
                }
                var inspection = root.TryGetProperty("inspection", out var ins) ? ins.GetString() ?? "" : "";
                var fields = ImmutableDictionary.CreateBuilder<string, CaseValue>();
                foreach (var p in root.GetProperty("case").EnumerateObject())
                    fields[p.Name] = p.Value.ValueKind switch
                    {
                        JsonValueKind.Number => new CaseValue.Number(p.Value.GetDouble()),
                        JsonValueKind.True => new CaseValue.Boolean(true),
                        JsonValueKind.False => new CaseValue.Boolean(false),
                        JsonValueKind.Array => new CaseValue.List([.. p.Value.EnumerateArray().Select(e => e.GetString()!)]),
                        _ => new CaseValue.Text(p.Value.GetString()!),
                    };
                var answers = ImmutableDictionary.CreateBuilder<string, string>();
                foreach (var p in root.GetProperty("answers").EnumerateObject())
                    answers[p.Name] = p.Value.GetString()!;
                records.Add(new ReadRecord(i + 1, new CaseAssessment(id, inspection, fields.ToImmutable(), answers.ToImmutable(), i + 1), null));
            }
            catch (JsonException e)
            {
                records.Add(new ReadRecord(i + 1, null, "malformed JSON: " + e.Message));
            }
        }
        return records;
    }

    public static List<ReadRecord> ReadCsv(string text, SemanticModel model)
    {
        var rows = ParseCsv(text);
        var header = rows[0];
        var records = new List<ReadRecord>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var line = r + 1;
            if (row.Count != header.Count)
            {
                records.Add(new ReadRecord(line, null, $"{row.Count} cells, the header has {header.Count}"));
                continue;
            }
            if (row[0].Length == 0)
            {
                records.Add(new ReadRecord(line, null, "no id"));
                continue;
            }
            var fields = ImmutableDictionary.CreateBuilder<string, CaseValue>();
            var answers = ImmutableDictionary.CreateBuilder<string, string>();
            for (var c = 2; c < header.Count; c++)
            {
                var cell = row[c];
                if (cell.Length == 0) continue;
                if (header[c].StartsWith("case.", StringComparison.Ordinal))
                {
                    var name = header[c]["case.".Length..];
                    fields[name] = Typed(model.FindField(name), cell);
                }
                else answers[header[c]] = cell;
            }
            records.Add(new ReadRecord(line, new CaseAssessment(row[0], row[1], fields.ToImmutable(), answers.ToImmutable(), line), null));
        }
        return records;
    }

    private static CaseValue Typed(CaseFieldSymbol? field, string cell) => field?.Type switch
    {
        FieldTypeKind.Number when double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => new CaseValue.Number(n),
        FieldTypeKind.Boolean when cell is "true" or "false" => new CaseValue.Boolean(cell == "true"),
        FieldTypeKind.Set => new CaseValue.List([.. cell.Split(';')]),
        _ => new CaseValue.Text(cell),
    };

    /// <summary>RFC 4180: quoted cells may hold commas, doubled quotes and line breaks.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(cell.ToString()); cell.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default: cell.Append(c); break;
            }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
