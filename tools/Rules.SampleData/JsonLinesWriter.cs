using System.Globalization;
using System.Text;
using Rules.Core.Evaluation;

namespace Rules.SampleData;

/// <summary>Writes records as CLI.md's JSON Lines: <c>{"id":…,"inspection":…,"case":{…},"answers":{…}}</c>, one per line.</summary>
public sealed class JsonLinesWriter(TextWriter output)
{
    private readonly StringBuilder _line = new();

    public void Write(SampleRecord record)
    {
        var line = _line.Clear();
        line.Append('{');
        if (record.Id is not null)
        {
            line.Append("\"id\":");
            AppendString(line, record.Id);
            line.Append(',');
        }
        line.Append("\"inspection\":");
        AppendString(line, record.Inspection);
        line.Append(",\"case\":{");
        for (var i = 0; i < record.Fields.Length; i++)
        {
            if (i > 0) line.Append(',');
            AppendString(line, record.Fields[i].Key);
            line.Append(':');
            AppendValue(line, record.Fields[i].Value);
        }
        line.Append("},\"answers\":{");
        for (var i = 0; i < record.Answers.Length; i++)
        {
            if (i > 0) line.Append(',');
            AppendString(line, record.Answers[i].Key);
            line.Append(':');
            AppendString(line, record.Answers[i].Value);
        }
        line.Append("}}");
        if (record.Defect == RecordDefect.Truncated)
            line.Length = line.Length * 3 / 5;
        output.Write(line);
        output.Write('\n');
    }

    private static void AppendValue(StringBuilder line, CaseValue value)
    {
        switch (value)
        {
            case CaseValue.Number n:
                line.Append(n.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case CaseValue.Boolean b:
                line.Append(b.Value ? "true" : "false");
                break;
            case CaseValue.Text t:
                AppendString(line, t.Value);
                break;
            case CaseValue.List l:
                line.Append('[');
                for (var i = 0; i < l.Values.Length; i++)
                {
                    if (i > 0) line.Append(',');
                    AppendString(line, l.Values[i]);
                }
                line.Append(']');
                break;
        }
    }

    private static void AppendString(StringBuilder line, string text)
    {
        line.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': line.Append("\\\""); break;
                case '\\': line.Append("\\\\"); break;
                case '\n': line.Append("\\n"); break;
                case '\r': line.Append("\\r"); break;
                case '\t': line.Append("\\t"); break;
                default:
                    if (c < ' ') line.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else line.Append(c);
                    break;
            }
        }
        line.Append('"');
    }
}
