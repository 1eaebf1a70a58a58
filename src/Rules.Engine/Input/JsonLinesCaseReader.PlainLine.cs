using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Rules.Engine.Input;

/// <summary>
/// The reading of a plain line: the shape almost every line of a case file has, read straight from
/// the bytes. A plain line is one JSON object with <c>id</c> (non-blank text), <c>inspection</c>
/// (text or null), <c>case</c> and <c>answers</c> (objects or null), each at most once and in any
/// order, whose field names and codes are the framework's, each at most once, with values of the
/// right kind: text without escapes or control characters, whole numbers of at most 15 digits,
/// true/false, lists of text, null, and options that exist. Such a line has no problem to report.
/// Anything else (another property, an escape, a fraction, an unknown name, a wrong type, a
/// duplicate, a syntax error, ...) stops this reading, and the line is read again from the start by
/// <see cref="System.Text.Json.Utf8JsonReader"/>, which finds and words every problem. The grammar
/// here is strict JSON, so a line it accepts is one the full reading accepts with the same values.
/// </summary>
public sealed partial class JsonLinesCaseReader
{
    private const int MaxPlainDigits = 15;

    // What ends plain text: the closing quote, or what makes it not plain (an escape, a control character).
    private static readonly SearchValues<byte> EndOfPlainText = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    /// <summary>Reads a plain line into the reset record; false (with the record partly written) for any other line.</summary>
    private bool TryReadPlainLine(ReadOnlySpan<byte> line, CaseRecord record)
    {
        var at = SkipSpace(line, 0);
        if (!Expect(line, ref at, (byte)'{')) return false;
        bool seenId = false, seenInspection = false, seenCase = false, seenAnswers = false;
        at = SkipSpace(line, at);
        if (at < line.Length && line[at] == (byte)'}') return false;
        while (true)
        {
            if (!TryPlainString(line, ref at, out var name)) return false;
            at = SkipSpace(line, at);
            if (!Expect(line, ref at, (byte)':')) return false;
            at = SkipSpace(line, at);
            if (name.SequenceEqual("id"u8))
            {
                if (seenId || !TryPlainString(line, ref at, out var id)) return false;
                seenId = true;
                var text = Encoding.UTF8.GetString(id);
                if (string.IsNullOrWhiteSpace(text)) return false;
                record.SetId(text);
            }
            else if (name.SequenceEqual("inspection"u8))
            {
                if (seenInspection) return false;
                seenInspection = true;
                if (TryNull(line, ref at)) { }
                else if (TryPlainString(line, ref at, out var inspection)) SetPlainInspection(inspection, record);
                else return false;
            }
            else if (name.SequenceEqual("case"u8))
            {
                if (seenCase) return false;
                seenCase = true;
                if (!TryNull(line, ref at) && !TryPlainCase(line, ref at, record)) return false;
            }
            else if (name.SequenceEqual("answers"u8))
            {
                if (seenAnswers) return false;
                seenAnswers = true;
                if (!TryNull(line, ref at) && !TryPlainAnswers(line, ref at, record)) return false;
            }
            else
            {
                return false;
            }

            at = SkipSpace(line, at);
            if (at >= line.Length) return false;
            if (line[at] == (byte)'}') break;
            if (line[at] != (byte)',') return false;
            at = SkipSpace(line, at + 1);
        }

        return seenId && SkipSpace(line, at + 1) == line.Length;
    }

    private bool TryPlainCase(ReadOnlySpan<byte> line, ref int at, CaseRecord record)
    {
        if (!TryOpenObject(line, ref at, out var empty)) return false;
        if (empty) return true;
        var previous = -1;
        while (true)
        {
            CaseFieldSlot? field;
            var predicted = PredictedMember(line, ref at, _fieldAfter, _quotedFields, previous);
            if (predicted >= 0) field = _fieldSlots[predicted];
            else
            {
                if (!TryPlainString(line, ref at, out var name) || (field = _fieldNames.FindFast(name)) is null) return false;
                _fieldAfter[previous + 1] = field.Slot;
                if (!TryColon(line, ref at)) return false;
            }

            previous = field.Slot;
            if (!FirstTime(_seenField, field.Slot)) return false;
            at = SkipSpace(line, at);
            if (!TryNull(line, ref at) && !TryPlainField(line, ref at, record, field)) return false;
            if (!TryAfterMember(line, ref at, out var closed)) return false;
            if (closed) return true;
        }
    }

    private static bool TryPlainField(ReadOnlySpan<byte> line, ref int at, CaseRecord record, CaseFieldSlot field)
    {
        switch (field.Kind)
        {
            case CaseFieldKind.Number:
                if (!TryPlainWholeNumber(line, ref at, out var number)) return false;
                record.SetNumber(field.Slot, number);
                return true;
            case CaseFieldKind.Boolean:
                if (line[at..].StartsWith("true"u8))
                {
                    at += 4;
                    record.SetBoolean(field.Slot, true);
                    return true;
                }

                if (line[at..].StartsWith("false"u8))
                {
                    at += 5;
                    record.SetBoolean(field.Slot, false);
                    return true;
                }

                return false;
            case CaseFieldKind.Enum:
            {
                if (!TryPlainString(line, ref at, out var value)) return false;
                var option = field.Options.IndexOfUtf8(value);
                if (option < 0) return false;
                record.SetOption(field.Slot, option);
                return true;
            }

            case CaseFieldKind.Set:
                if (!Expect(line, ref at, (byte)'[')) return false;
                record.BeginSet(field.Slot);
                at = SkipSpace(line, at);
                if (at < line.Length && line[at] == (byte)']')
                {
                    at++;
                    return true;
                }

                while (true)
                {
                    if (!TryPlainString(line, ref at, out var member)) return false;
                    var option = field.Options.IndexOfUtf8(member);
                    if (option < 0) return false;
                    record.AddToSet(field.Slot, option);
                    at = SkipSpace(line, at);
                    if (at >= line.Length) return false;
                    if (line[at++] == (byte)']') return true;
                    if (line[at - 1] != (byte)',') return false;
                    at = SkipSpace(line, at);
                }

            default:
                return false;
        }
    }

    private bool TryPlainAnswers(ReadOnlySpan<byte> line, ref int at, CaseRecord record)
    {
        if (!TryOpenObject(line, ref at, out var empty)) return false;
        if (empty) return true;
        var previous = -1;
        while (true)
        {
            AnswerSlot? item;
            var predicted = PredictedMember(line, ref at, _codeAfter, _quotedCodes, previous);
            if (predicted >= 0) item = _answerSlots[predicted];
            else
            {
                if (!TryPlainString(line, ref at, out var code) || (item = _answerCodes.FindFast(code)) is null) return false;
                _codeAfter[previous + 1] = item.Slot;
                if (!TryColon(line, ref at)) return false;
            }

            previous = item.Slot;
            if (!FirstTime(_seenAnswer, item.Slot)) return false;
            at = SkipSpace(line, at);
            if (!TryNull(line, ref at))
            {
                if (!TryPlainString(line, ref at, out var value)) return false;
                var option = item.Options.IndexOfUtf8(value);
                if (option < 0) return false;
                record.SetAnswer(item.Slot, option);
            }

            if (!TryAfterMember(line, ref at, out var closed)) return false;
            if (closed) return true;
        }
    }

    /// <summary>An object's <c>{</c>, and its <c>}</c> at once when it is empty; false when the value is not an object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryOpenObject(ReadOnlySpan<byte> line, ref int at, out bool empty)
    {
        empty = false;
        if (!Expect(line, ref at, (byte)'{')) return false;
        at = SkipSpace(line, at);
        if (at < line.Length && line[at] == (byte)'}')
        {
            at++;
            empty = true;
        }

        return true;
    }

    /// <summary>
    /// The slot of the member whose name comes next, when it is the one that followed <paramref name="previous"/>
    /// on earlier lines: names and codes come in the same order on most lines (though not all of them on every
    /// line), so that one is tried first, its quoted name and colon compared as bytes. -1 (nothing read) otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PredictedMember(ReadOnlySpan<byte> line, ref int at, int[] after, byte[][] quoted, int previous)
    {
        var predicted = after[previous + 1];
        if (predicted < 0 || !line[at..].StartsWith(quoted[predicted])) return -1;
        at += quoted[predicted].Length;
        return predicted;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryColon(ReadOnlySpan<byte> line, ref int at)
    {
        at = SkipSpace(line, at);
        return Expect(line, ref at, (byte)':');
    }

    /// <summary>Marks a member as met on this line; false when it already was (a duplicate is for the full reading to report).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool FirstTime(bool[] seen, int slot)
    {
        if (seen[slot]) return false;
        seen[slot] = true;
        return true;
    }

    /// <summary>After a member's value: <c>,</c> and the next member, or the object's closing <c>}</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryAfterMember(ReadOnlySpan<byte> line, ref int at, out bool closed)
    {
        closed = false;
        at = SkipSpace(line, at);
        if (at >= line.Length) return false;
        if (line[at++] == (byte)'}')
        {
            closed = true;
            return true;
        }

        if (line[at - 1] != (byte)',') return false;
        at = SkipSpace(line, at);
        return true;
    }

    /// <summary>The inspection, as <see cref="ReadInspection"/> sets it for text without escapes.</summary>
    private void SetPlainInspection(ReadOnlySpan<byte> inspection, CaseRecord record)
    {
        if (_lastInspection is not null && inspection.SequenceEqual(_lastInspectionUtf8))
        {
            record.SetInspection(_lastInspection);
            return;
        }

        record.SetInspection(Intern(Decode(inspection)));
        _lastInspection = inspection.Length > 256 ? null : record.Inspection;
        _lastInspectionUtf8 = _lastInspection is null ? [] : inspection.ToArray();
    }

    /// <summary>Text in quotes without escapes or control characters: the bytes between the quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryPlainString(ReadOnlySpan<byte> line, ref int at, out ReadOnlySpan<byte> value)
    {
        value = default;
        if ((uint)at >= (uint)line.Length || line[at] != (byte)'"') return false;
        var rest = line[(at + 1)..];
        var end = rest.IndexOfAny(EndOfPlainText);
        if (end < 0 || rest[end] != (byte)'"') return false;
        value = rest[..end];
        at += end + 2;
        return true;
    }

    /// <summary>A JSON number that is a whole number of at most 15 digits (exact as a double), not followed by a fraction or exponent.</summary>
    private static bool TryPlainWholeNumber(ReadOnlySpan<byte> line, ref int at, out double number)
    {
        number = 0;
        var i = at;
        var negative = i < line.Length && line[i] == (byte)'-';
        if (negative) i++;
        if (i >= line.Length || !char.IsAsciiDigit((char)line[i])) return false;
        long value = 0;
        var first = i;
        if (line[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            while (i < line.Length && char.IsAsciiDigit((char)line[i]))
            {
                if (i - first >= MaxPlainDigits) return false;
                value = (value * 10) + (line[i] - (byte)'0');
                i++;
            }
        }

        if (i < line.Length && line[i] is (byte)'.' or (byte)'e' or (byte)'E') return false;
        if (negative && value == 0) return false;
        number = negative ? -(double)value : value;
        at = i;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryNull(ReadOnlySpan<byte> line, ref int at)
    {
        if (!line[at..].StartsWith("null"u8)) return false;
        at += 4;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Expect(ReadOnlySpan<byte> line, ref int at, byte expected)
    {
        if (at >= line.Length || line[at] != expected) return false;
        at++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipSpace(ReadOnlySpan<byte> line, int at)
    {
        while (at < line.Length && line[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') at++;
        return at;
    }
}
