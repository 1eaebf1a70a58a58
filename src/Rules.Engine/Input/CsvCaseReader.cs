using System.Globalization;

namespace Rules.Engine.Input;

/// <summary>
/// Reads CSV case assessments. The first non-blank record is the header: columns <c>id</c>,
/// <c>inspection</c>, <c>case.FIELD</c> for case fields and one column per answer code. Cells may
/// be quoted with <c>"</c> (doubled inside to escape); a quoted cell may span lines, and line
/// numbers count physical lines. Unquoted cells are trimmed. An empty cell is no value; set fields
/// are <c>;</c>-separated; booleans are <c>true</c>/<c>false</c>; numbers use <c>.</c> as the decimal point.
/// </summary>
public sealed class CsvCaseReader : CaseReader
{
    private readonly List<Cell> _cells = [];
    private Column[]? _columns;
    private string? _headerError;
    private byte[] _unescaped = new byte[256];

    public CsvCaseReader(Stream stream, ICaseSchema schema, CaseReaderOptions? options = null, bool leaveOpen = false)
        : base(stream, schema, options, quoteAware: true, leaveOpen)
    {
    }

    private enum ColumnKind
    {
        Id,
        Inspection,
        Field,
        Answer,
        UnknownField,
        UnknownCode,
        Unnamed,
    }

    private protected override bool IsReadyForParallel => _columns is not null;

    private protected override CaseReader CreateParser() =>
        new CsvCaseReader(Stream.Null, Schema, Options, leaveOpen: true) { _columns = _columns, _headerError = _headerError };

    private protected override bool IsRecordWhenTooLong(int lineNumber)
    {
        if (_columns is not null || _headerError is not null) return true;
        _columns = [];
        _headerError = $"the header row on line {lineNumber} is longer than the limit of {Options.MaxLineBytes:N0} bytes, so no row can be read.";
        return false;
    }

    private protected override bool HandleLine(ReadOnlySpan<byte> line, CaseRecord record)
    {
        if (_columns is null)
        {
            ReadHeader(line, record.Line);
            return false;
        }

        if (_headerError is not null)
        {
            Problems.Reject(ProblemIds.Unreadable, _headerError);
            return true;
        }

        var invalid = FirstInvalidUtf8(line);
        if (invalid > 0)
        {
            Problems.Reject(ProblemIds.Unreadable, $"the row is not valid UTF-8 text (byte {invalid} cannot be decoded); save the file as UTF-8.");
            return true;
        }

        if (Split(line) is { } error)
        {
            TryReadId(line, record);
            Problems.Reject(ProblemIds.Unreadable, $"the row cannot be read: {error}.");
            return true;
        }

        if (_cells.Count != _columns.Length)
        {
            TryReadId(line, record);
            Problems.Reject(ProblemIds.Unreadable, $"the row has {_cells.Count} {Plural(_cells.Count, "value", "values")} but the header has {_columns.Length} {Plural(_columns.Length, "column", "columns")}.");
            return true;
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var bytes = CellBytes(line, _cells[i]);
            if (bytes.IsEmpty) continue;
            if (column.Kind == ColumnKind.Answer)
            {
                var answerOption = column.Answer!.Options.IndexOfUtf8(bytes);
                if (answerOption >= 0)
                {
                    record.SetAnswer(column.Answer.Slot, answerOption);
                    continue;
                }
            }
            else if (column.Kind == ColumnKind.Field && column.Field!.Kind == CaseFieldKind.Enum)
            {
                var fieldOption = column.Field.Options.IndexOfUtf8(bytes);
                if (fieldOption >= 0)
                {
                    record.SetOption(column.Field.Slot, fieldOption);
                    continue;
                }
            }

            var value = Decode(bytes);
            switch (column.Kind)
            {
                case ColumnKind.Id:
                    record.SetId(value.ToString());
                    break;
                case ColumnKind.Inspection:
                    record.SetInspection(Intern(value));
                    break;
                case ColumnKind.Field:
                    ReadField(value, record, column.Field!);
                    break;
                case ColumnKind.Answer:
                    var option = column.Answer!.Options.IndexOf(value);
                    if (option >= 0)
                    {
                        record.SetAnswer(column.Answer.Slot, option);
                    }
                    else
                    {
                        record.MarkAnswerGiven(column.Answer.Slot);
                        var text = value.ToString();
                        Problems.Reject(ProblemIds.InvalidValue, $"the answer to {column.Answer.Code} is {ProblemCollector.Quote(text)}, which is not one of its options ({column.Answer.Options.Describe()}).{column.Answer.Options.NearestHint(text)}", column.Answer.Code, text);
                    }

                    break;
                case ColumnKind.UnknownField:
                    var ignored = value.ToString();
                    Problems.Warn(ProblemIds.UnknownField, $"the case field {ProblemCollector.Quote(column.Name)} (column {i + 1}) is not declared by this framework, so its value {ProblemCollector.Quote(ignored)} was ignored.", "case." + column.Name, ignored);
                    break;
                case ColumnKind.UnknownCode:
                    var answer = value.ToString();
                    Problems.Reject(ProblemIds.UnknownCode, $"there is an answer ({ProblemCollector.Quote(answer)}) for {ProblemCollector.Quote(column.Name)} (column {i + 1}), which is not a key question or prompt of this framework.", column.Name, answer);
                    break;
                case ColumnKind.Unnamed:
                    var stray = value.ToString();
                    Problems.Reject(ProblemIds.UnknownCode, $"column {i + 1} has no name in the header but holds the value {ProblemCollector.Quote(stray)}.", $"column {i + 1}", stray);
                    break;
            }
        }

        if (record.Id is null)
        {
            Problems.Reject(ProblemIds.Unreadable, "the row has no id; every case needs a unique id.", "id");
        }

        return true;
    }

    private void ReadField(ReadOnlySpan<char> value, CaseRecord record, CaseFieldSlot field)
    {
        switch (field.Kind)
        {
            case CaseFieldKind.Number:
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                    record.SetNumber(field.Slot, number);
                else
                    WrongValue(field, value, "must be a number");
                break;
            case CaseFieldKind.Boolean:
                if (value.Equals("true", StringComparison.OrdinalIgnoreCase)) record.SetBoolean(field.Slot, true);
                else if (value.Equals("false", StringComparison.OrdinalIgnoreCase)) record.SetBoolean(field.Slot, false);
                else WrongValue(field, value, "must be true or false");
                break;
            case CaseFieldKind.Enum:
                var option = field.Options.IndexOf(value);
                if (option >= 0) record.SetOption(field.Slot, option);
                else WrongValue(field, value, $"is not one of its options ({field.Options.Describe()})");
                break;
            case CaseFieldKind.Set:
                record.BeginSet(field.Slot);
                var rest = value;
                while (true)
                {
                    var separator = rest.IndexOf(';');
                    var member = (separator < 0 ? rest : rest[..separator]).Trim();
                    if (!member.IsEmpty)
                    {
                        var index = field.Options.IndexOf(member);
                        if (index >= 0) record.AddToSet(field.Slot, index);
                        else WrongValue(field, member, $"is not one of its options ({field.Options.Describe()})", member: true);
                    }

                    if (separator < 0) break;
                    rest = rest[(separator + 1)..];
                }

                break;
        }
    }

    private void WrongValue(CaseFieldSlot field, ReadOnlySpan<char> value, string complaint, bool member = false)
    {
        var text = value.ToString();
        var what = member ? $"the case field \"{field.Name}\" lists {ProblemCollector.Quote(text)}, which" : $"the case field \"{field.Name}\" is {ProblemCollector.Quote(text)}, which";
        var message = complaint.StartsWith("is not one of its options", StringComparison.Ordinal)
            ? $"{what} {complaint}.{field.Options.NearestHint(text)}"
            : complaint.StartsWith("is ", StringComparison.Ordinal)
            ? $"{what} {complaint}."
            : $"the case field \"{field.Name}\" {complaint}, but it is {ProblemCollector.Quote(text)}.";
        Problems.Reject(ProblemIds.InvalidValue, message, "case." + field.Name, text);
    }

    private void ReadHeader(ReadOnlySpan<byte> line, int lineNumber)
    {
        _columns = [];
        var invalid = FirstInvalidUtf8(line);
        if (invalid > 0)
        {
            _headerError = $"the header row on line {lineNumber} is not valid UTF-8 text (byte {invalid} cannot be decoded), so no row can be read.";
            return;
        }

        if (Split(line) is { } error)
        {
            _headerError = $"the header row on line {lineNumber} cannot be read ({error}), so no row can be read.";
            return;
        }

        var columns = new Column[_cells.Count];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            var name = Value(line, _cells[i]).ToString();
            if (name.Length == 0)
            {
                columns[i] = new Column(ColumnKind.Unnamed, name, null, null);
                continue;
            }

            var key = name.Equals("id", StringComparison.OrdinalIgnoreCase) ? "id"
                : name.Equals("inspection", StringComparison.OrdinalIgnoreCase) ? "inspection"
                : name;
            if (byName.TryGetValue(key, out var earlier))
            {
                _headerError = $"the header row on line {lineNumber} names {ProblemCollector.Quote(name)} twice (columns {earlier + 1} and {i + 1}), so no row can be read.";
                return;
            }

            byName.Add(key, i);
            if (key == "id")
            {
                columns[i] = new Column(ColumnKind.Id, name, null, null);
            }
            else if (key == "inspection")
            {
                columns[i] = new Column(ColumnKind.Inspection, name, null, null);
            }
            else if (name.StartsWith("case.", StringComparison.Ordinal))
            {
                var fieldName = name["case.".Length..];
                var field = Schema.FindField(fieldName);
                columns[i] = field is null
                    ? new Column(ColumnKind.UnknownField, fieldName, null, null)
                    : new Column(ColumnKind.Field, fieldName, field, null);
            }
            else
            {
                var answer = Schema.FindAnswer(name);
                columns[i] = answer is null
                    ? new Column(ColumnKind.UnknownCode, name, null, null)
                    : new Column(ColumnKind.Answer, name, null, answer);
            }
        }

        if (!byName.ContainsKey("id"))
        {
            _headerError = $"the header row on line {lineNumber} has no \"id\" column, so no case can be identified.";
            return;
        }

        _columns = columns;
    }

    /// <summary>Best effort: the id of a row that cannot be read, so that its problem can name it.</summary>
    private void TryReadId(ReadOnlySpan<byte> line, CaseRecord record)
    {
        var idColumn = Array.FindIndex(_columns!, c => c.Kind == ColumnKind.Id);
        if (idColumn >= 0 && idColumn < _cells.Count)
        {
            var id = Value(line, _cells[idColumn]);
            if (!id.IsEmpty) record.SetId(id.ToString());
        }
    }

    /// <summary>Splits a record into <see cref="_cells"/>; returns what is wrong, or null.</summary>
    private string? Split(ReadOnlySpan<byte> line)
    {
        _cells.Clear();
        var position = 0;
        while (true)
        {
            var start = position;
            while (start < line.Length && line[start] is (byte)' ' or (byte)'\t') start++;
            if (start < line.Length && line[start] == (byte)'"')
            {
                var contentStart = start + 1;
                var at = contentStart;
                var escaped = false;
                while (true)
                {
                    var quote = line[at..].IndexOf((byte)'"');
                    if (quote < 0) return $"a quoted value in column {_cells.Count + 1} has no closing quote";
                    at += quote;
                    if (at + 1 < line.Length && line[at + 1] == (byte)'"')
                    {
                        escaped = true;
                        at += 2;
                        continue;
                    }

                    break;
                }

                _cells.Add(new Cell(contentStart, at - contentStart, Quoted: true, escaped));
                position = at + 1;
                while (position < line.Length && line[position] is (byte)' ' or (byte)'\t') position++;
                if (position == line.Length) return null;
                if (line[position] != (byte)',') return $"column {_cells.Count} has text after its closing quote";
                position++;
            }
            else
            {
                var rest = line[position..];
                var comma = rest.IndexOf((byte)',');
                var cell = comma < 0 ? rest : rest[..comma];
                if (cell.Contains((byte)'"')) return $"column {_cells.Count + 1} has a quote inside an unquoted value; quote the whole value and double the quotes inside it";
                _cells.Add(new Cell(position, cell.Length, Quoted: false, Escaped: false));
                if (comma < 0) return null;
                position += comma + 1;
            }
        }
    }

    /// <summary>A cell's text: unescaped when quoted, trimmed when not; in the shared scratch buffer.</summary>
    private ReadOnlySpan<char> Value(ReadOnlySpan<byte> line, Cell cell) => Decode(CellBytes(line, cell));

    /// <summary>A cell's UTF-8 bytes: unescaped when quoted, trimmed of spaces and tabs when not.</summary>
    private ReadOnlySpan<byte> CellBytes(ReadOnlySpan<byte> line, Cell cell)
    {
        var bytes = line.Slice(cell.Start, cell.Length);
        if (cell.Escaped)
        {
            if (_unescaped.Length < bytes.Length) _unescaped = new byte[Math.Max(bytes.Length, _unescaped.Length * 2)];
            var length = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                _unescaped[length++] = bytes[i];
                if (bytes[i] == (byte)'"') i++;
            }

            bytes = _unescaped.AsSpan(0, length);
        }

        return cell.Quoted ? bytes : bytes.Trim(" \t"u8);
    }

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    private readonly record struct Cell(int Start, int Length, bool Quoted, bool Escaped);

    private sealed record Column(ColumnKind Kind, string Name, CaseFieldSlot? Field, AnswerSlot? Answer);
}
