using System.Text;
using System.Text.Json;

namespace Rules.Engine.Input;

/// <summary>
/// Reads JSON Lines case assessments: one object per line with <c>id</c>, optional
/// <c>inspection</c>, <c>case</c> (field name to value) and <c>answers</c> (code to option name).
/// Other top-level properties are ignored. A <c>null</c> value means no value.
/// </summary>
public sealed partial class JsonLinesCaseReader : CaseReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private readonly bool[] _seenField;
    private readonly bool[] _seenAnswer;
    private readonly Utf8NameTable<CaseFieldSlot> _fieldNames;
    private readonly Utf8NameTable<AnswerSlot> _answerCodes;
    private readonly CaseFieldSlot[] _fieldSlots;
    private readonly AnswerSlot[] _answerSlots;

    // Plain-line reading: each code (and field name) as a JSON string followed by its colon ("2.4.1":), written by
    // System.Text.Json so that it is a valid token whatever the code, and for each slot (shifted by
    // one: 0 is the start of the object) the slot whose code followed it last time.
    private readonly byte[][] _quotedCodes;
    private readonly int[] _codeAfter;
    private readonly byte[][] _quotedFields;
    private readonly int[] _fieldAfter;
    private string? _lastInspection;
    private byte[] _lastInspectionUtf8 = [];

    public JsonLinesCaseReader(Stream stream, ICaseSchema schema, CaseReaderOptions? options = null, bool leaveOpen = false)
        : base(stream, schema, options, quoteAware: false, leaveOpen)
    {
        _seenField = new bool[schema.Fields.Length];
        _seenAnswer = new bool[schema.Answers.Length];
        _fieldNames = new Utf8NameTable<CaseFieldSlot>(schema.Fields.Select(f => (f.Name, f)));
        _answerCodes = new Utf8NameTable<AnswerSlot>(schema.Answers.Select(a => (a.Code, a)));
        _fieldSlots = [.. schema.Fields];
        _quotedFields = [.. schema.Fields.Select(f => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(f.Name) + ":"))];
        _fieldAfter = new int[schema.Fields.Length + 1];
        Array.Fill(_fieldAfter, -1);
        _answerSlots = [.. schema.Answers];
        _quotedCodes = [.. schema.Answers.Select(a => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(a.Code) + ":"))];
        _codeAfter = new int[schema.Answers.Length + 1];
        Array.Fill(_codeAfter, -1);
    }

    private protected override CaseReader CreateParser() => new JsonLinesCaseReader(Stream.Null, Schema, Options, leaveOpen: true);

    private protected override bool HandleLine(ReadOnlySpan<byte> line, CaseRecord record)
    {
        var invalid = FirstInvalidUtf8(line);
        if (invalid > 0)
        {
            Problems.Reject(ProblemIds.Unreadable, $"the line is not valid UTF-8 text (byte {invalid} cannot be decoded); save the file as UTF-8.");
            return true;
        }

        Array.Clear(_seenField);
        Array.Clear(_seenAnswer);
        if (Options.PlainLines)
        {
            if (TryReadPlainLine(line, record)) return true;
            record.Reset(record.Line);
            Array.Clear(_seenField);
            Array.Clear(_seenAnswer);
        }

        var reader = new Utf8JsonReader(line, ReaderOptions);
        try
        {
            ReadObject(ref reader, record);
        }
        catch (JsonException ex)
        {
            Problems.Clear();
            var where = ex.BytePositionInLine is { } position ? $" near character {position + 1}" : "";
            Problems.Reject(ProblemIds.Unreadable, $"the line is not valid JSON{where}: {Describe(ex)}");
        }

        return true;
    }

    private void ReadObject(ref Utf8JsonReader reader, CaseRecord record)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            Problems.Reject(ProblemIds.Unreadable, "the line is not a JSON object; each line must hold one case as {\"id\": ..., \"case\": {...}, \"answers\": {...}}.");
            return;
        }

        bool seenId = false, seenInspection = false, seenCase = false, seenAnswers = false;
        var idProblem = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                if (Twice(ref seenId, "id")) { reader.Skip(); continue; }
                idProblem = !ReadId(ref reader, record);
            }
            else if (reader.ValueTextEquals("inspection"u8))
            {
                reader.Read();
                if (Twice(ref seenInspection, "inspection")) { reader.Skip(); continue; }
                ReadInspection(ref reader, record);
            }
            else if (reader.ValueTextEquals("case"u8))
            {
                reader.Read();
                if (Twice(ref seenCase, "case")) { reader.Skip(); continue; }
                ReadCase(ref reader, record);
            }
            else if (reader.ValueTextEquals("answers"u8))
            {
                reader.Read();
                if (Twice(ref seenAnswers, "answers")) { reader.Skip(); continue; }
                ReadAnswers(ref reader, record);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            Problems.Reject(ProblemIds.Unreadable, "the line holds more than one JSON value; put each case on its own line.");
        }

        if (record.Id is null && !idProblem)
        {
            Problems.Reject(ProblemIds.Unreadable, "the case has no \"id\"; every case needs a unique id.", "id");
        }
    }

    private bool Twice(ref bool seen, string property)
    {
        if (!seen)
        {
            seen = true;
            return false;
        }

        Problems.Reject(ProblemIds.Unreadable, $"\"{property}\" is given twice.", property);
        return true;
    }

    private bool ReadId(ref Utf8JsonReader reader, CaseRecord record)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var id = reader.GetString()!;
                if (id.Length == 0 || string.IsNullOrWhiteSpace(id))
                {
                    Problems.Reject(ProblemIds.Unreadable, "the case id is empty; every case needs a unique id.", "id", id);
                    return false;
                }

                record.SetId(id);
                return true;
            case JsonTokenType.Number:
                record.SetId(Encoding.UTF8.GetString(reader.ValueSpan));
                return true;
            case JsonTokenType.Null:
                return true;
            default:
                var shown = Shown(ref reader);
                Problems.Reject(ProblemIds.Unreadable, $"the case id must be text, but it is {shown}.", "id", shown);
                return false;
        }
    }

    private void ReadInspection(ref Utf8JsonReader reader, CaseRecord record)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped && _lastInspection is not null && reader.ValueSpan.SequenceEqual(_lastInspectionUtf8))
                {
                    record.SetInspection(_lastInspection);
                }
                else
                {
                    record.SetInspection(Intern(CopyString(ref reader)));
                    _lastInspection = reader.ValueIsEscaped || reader.ValueSpan.Length > 256 ? null : record.Inspection;
                    _lastInspectionUtf8 = _lastInspection is null ? [] : reader.ValueSpan.ToArray();
                }

                break;
            case JsonTokenType.Null:
                break;
            default:
                var shown = Shown(ref reader);
                Problems.Reject(ProblemIds.InvalidValue, $"\"inspection\" must be the name of an inspection as text, but it is {shown}.", "inspection", shown);
                break;
        }
    }

    private void ReadCase(ref Utf8JsonReader reader, CaseRecord record)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var shown = Shown(ref reader);
            Problems.Reject(ProblemIds.InvalidValue, $"\"case\" must be an object of case fields, but it is {shown}.", "case", shown);
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FindField(ref reader);
            if (field is null)
            {
                var name = reader.GetString()!;
                reader.Read();
                var shown = Shown(ref reader);
                Problems.Warn(ProblemIds.UnknownField, $"the case field {ProblemCollector.Quote(name)} is not declared by this framework, so its value {shown} was ignored.", "case." + name, shown);
                continue;
            }

            reader.Read();
            if (_seenField[field.Slot])
            {
                var shown = Shown(ref reader);
                Problems.Reject(ProblemIds.Unreadable, $"the case field \"{field.Name}\" is given twice.", "case." + field.Name, shown);
                continue;
            }

            _seenField[field.Slot] = true;
            ReadField(ref reader, record, field);
        }
    }

    private void ReadField(ref Utf8JsonReader reader, CaseRecord record, CaseFieldSlot field)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        switch (field.Kind)
        {
            case CaseFieldKind.Number:
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number) && double.IsFinite(number))
                {
                    record.SetNumber(field.Slot, number);
                    return;
                }

                WrongType(ref reader, field, "a number");
                return;
            case CaseFieldKind.Boolean:
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    record.SetBoolean(field.Slot, reader.TokenType == JsonTokenType.True);
                    return;
                }

                WrongType(ref reader, field, "true or false");
                return;
            case CaseFieldKind.Enum:
                if (reader.TokenType == JsonTokenType.String)
                {
                    var option = OptionIndex(ref reader, field.Options);
                    if (option >= 0) record.SetOption(field.Slot, option);
                    else NotAnOption(field, reader.GetString()!);
                    return;
                }

                WrongType(ref reader, field, $"one of {field.Options.Describe()}");
                return;
            case CaseFieldKind.Set:
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadSet(ref reader, record, field);
                    return;
                }

                WrongType(ref reader, field, $"a list of any of {field.Options.Describe()}");
                return;
        }
    }

    private void ReadSet(ref Utf8JsonReader reader, CaseRecord record, CaseFieldSlot field)
    {
        record.BeginSet(field.Slot);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var option = OptionIndex(ref reader, field.Options);
                if (option >= 0) record.AddToSet(field.Slot, option);
                else NotAnOption(field, reader.GetString()!);
            }
            else
            {
                var shown = Shown(ref reader);
                Problems.Reject(ProblemIds.InvalidValue, $"the case field \"{field.Name}\" lists {shown}, but its members must be names from {field.Options.Describe()}.", "case." + field.Name, shown);
            }
        }
    }

    private void NotAnOption(CaseFieldSlot field, string value) =>
        Problems.Reject(ProblemIds.InvalidValue, $"the case field \"{field.Name}\" is {ProblemCollector.Quote(value)}, which is not one of its options ({field.Options.Describe()}).{field.Options.NearestHint(value)}", "case." + field.Name, value);

    private void WrongType(ref Utf8JsonReader reader, CaseFieldSlot field, string expected)
    {
        var shown = Shown(ref reader);
        Problems.Reject(ProblemIds.InvalidValue, $"the case field \"{field.Name}\" must be {expected}, but it is {shown}.", "case." + field.Name, shown);
    }

    private void ReadAnswers(ref Utf8JsonReader reader, CaseRecord record)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var shown = Shown(ref reader);
            Problems.Reject(ProblemIds.InvalidValue, $"\"answers\" must be an object mapping codes to answers, but it is {shown}.", "answers", shown);
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var item = FindAnswer(ref reader);
            if (item is null)
            {
                var code = reader.GetString()!;
                reader.Read();
                var shown = Shown(ref reader);
                Problems.Reject(ProblemIds.UnknownCode, $"there is an answer ({shown}) for {ProblemCollector.Quote(code)}, which is not a key question or prompt of this framework.", code, shown);
                continue;
            }

            reader.Read();
            if (_seenAnswer[item.Slot])
            {
                var shown = Shown(ref reader);
                Problems.Reject(ProblemIds.Unreadable, $"{item.Code} is answered twice.", item.Code, shown);
                continue;
            }

            _seenAnswer[item.Slot] = true;
            if (reader.TokenType != JsonTokenType.Null) record.MarkAnswerGiven(item.Slot);
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    break;
                case JsonTokenType.String:
                    var option = OptionIndex(ref reader, item.Options);
                    if (option >= 0)
                    {
                        record.SetAnswer(item.Slot, option);
                    }
                    else
                    {
                        var value = reader.GetString()!;
                        Problems.Reject(ProblemIds.InvalidValue, $"the answer to {item.Code} is {ProblemCollector.Quote(value)}, which is not one of its options ({item.Options.Describe()}).{item.Options.NearestHint(value)}", item.Code, value);
                    }

                    break;
                default:
                    var shown = Shown(ref reader);
                    Problems.Reject(ProblemIds.InvalidValue, $"the answer to {item.Code} must be the name of an option ({item.Options.Describe()}), but it is {shown}.", item.Code, shown);
                    break;
            }
        }
    }

    private CaseFieldSlot? FindField(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && _fieldNames.FindFast(reader.ValueSpan) is { } known) return known;
        return Schema.FindField(CopyString(ref reader));
    }

    private AnswerSlot? FindAnswer(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && _answerCodes.FindFast(reader.ValueSpan) is { } known) return known;
        return Schema.FindAnswer(CopyString(ref reader));
    }

    private int OptionIndex(ref Utf8JsonReader reader, OptionList options) =>
        reader.ValueIsEscaped ? options.IndexOf(CopyString(ref reader)) : options.IndexOfUtf8(reader.ValueSpan);

    /// <summary>The current string token (property name or value), unescaped into the scratch buffer.</summary>
    private ReadOnlySpan<char> CopyString(ref Utf8JsonReader reader)
    {
        var chars = Chars(reader.ValueSpan.Length);
        var count = reader.CopyString(chars);
        return chars.AsSpan(0, count);
    }

    /// <summary>The current value as shown in a message; skips over objects and arrays.</summary>
    private static string Shown(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ProblemCollector.Quote(reader.GetString()!);
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "null";
            case JsonTokenType.StartObject:
                reader.Skip();
                return "an object";
            case JsonTokenType.StartArray:
                reader.Skip();
                return "a list";
            default:
                return reader.TokenType.ToString();
        }
    }

    private static string Describe(JsonException ex)
    {
        // System.Text.Json's messages end with "LineNumber: 0 | BytePositionInLine: 12."; the line is ours.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        return message.TrimEnd();
    }
}
