using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rules.Engine.Reports;

/// <summary>
/// Writes CLI.md's JSON report contract: camelCase field names exactly as specified, percentages
/// as numbers with one decimal, null where the contract says null. Extra fields (<c>text</c>,
/// <c>title</c>, <c>ratedBy</c>) appear only when known. Output is indented and streamed in chunks.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public ReportFormat Format => ReportFormat.Json;

    public void Write(EvaluationReport report, ReportScale scale, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        using var json = new Utf8JsonWriter(buffer, WriterOptions);

        void Drain(bool force)
        {
            if (!force && json.BytesPending + buffer.WrittenCount < FlushThreshold) return;
            json.Flush();
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
        }

        json.WriteStartObject();
        json.WriteStartObject("framework");
        json.WriteString("name", report.Framework.Name);
        json.WriteString("version", report.Framework.Version);
        json.WriteEndObject();

        json.WriteStartObject("input");
        json.WriteNumber("read", report.Input.Read);
        json.WriteNumber("evaluated", report.Input.Evaluated);
        json.WriteNumber("rejected", report.Input.Rejected);
        json.WriteEndObject();

        json.WriteStartArray("inspections");
        foreach (var inspection in report.Inspections)
        {
            WriteInspection(json, inspection);
            Drain(force: false);
        }

        json.WriteEndArray();

        json.WriteStartArray("rejected");
        foreach (var rejected in report.Rejected)
        {
            json.WriteStartObject();
            WriteNullableString(json, "id", rejected.Id);
            json.WriteNumber("line", rejected.Line);
            json.WriteStartArray("errors");
            foreach (var error in rejected.Errors)
            {
                json.WriteStartObject();
                json.WriteString("id", error.Id);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            Drain(force: false);
        }

        json.WriteEndArray();

        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("id", warning.Id);
            WriteNullableString(json, "case", warning.Case);
            json.WriteNumber("line", warning.Line);
            json.WriteString("message", warning.Message);
            json.WriteEndObject();
            Drain(force: false);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        Drain(force: true);
        output.WriteLine();
    }

    private static void WriteInspection(Utf8JsonWriter json, InspectionReport inspection)
    {
        json.WriteStartObject();
        json.WriteString("inspection", inspection.Inspection);
        json.WriteNumber("cases", inspection.Cases);

        json.WriteStartArray("keyQuestions");
        foreach (var question in inspection.KeyQuestions)
        {
            json.WriteStartObject();
            json.WriteString("code", question.Code);
            if (question.Text is not null) json.WriteString("text", question.Text);
            json.WriteNumber("applicable", question.Applicable);
            json.WriteNumber("positive", question.Positive);
            WritePercent(json, question.Percent);
            WriteNullableString(json, "level", question.Level);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("prompts");
        foreach (var prompt in inspection.Prompts)
        {
            json.WriteStartObject();
            json.WriteString("code", prompt.Code);
            if (prompt.Text is not null) json.WriteString("text", prompt.Text);
            json.WriteNumber("applicable", prompt.Applicable);
            json.WriteStartObject("options");
            foreach (var option in prompt.Options) json.WriteNumber(option.Option, option.Count);
            json.WriteEndObject();
            json.WriteNumber("positive", prompt.Positive);
            WritePercent(json, prompt.Percent);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("standards");
        foreach (var standard in inspection.Standards)
        {
            json.WriteStartObject();
            json.WriteString("code", standard.Code);
            if (standard.Title is not null) json.WriteString("title", standard.Title);
            if (standard.RatedBy is { } ratedBy) json.WriteString("ratedBy", RatedByName(ratedBy));
            WriteNullableString(json, "level", standard.Level);
            if (standard.Score is { } score) json.WriteNumber("score", score);
            else json.WriteNull("score");
            WritePercent(json, standard.Percent);
            WriteNullableString(json, "limitedBy", standard.LimitedBy);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("overall");
        if (inspection.Overall.Score is { } total) json.WriteNumber("score", total);
        else json.WriteNull("score");
        WriteNullableString(json, "level", inspection.Overall.Level);
        if (!inspection.Overall.Missing.IsDefaultOrEmpty)
        {
            json.WriteStartArray("missing");
            foreach (var missing in inspection.Overall.Missing) json.WriteStringValue(missing);
            json.WriteEndArray();
        }

        json.WriteEndObject();

        json.WriteStartArray("breakdowns");
        foreach (var breakdown in inspection.Breakdowns)
        {
            json.WriteStartObject();
            json.WriteString("breakdown", breakdown.Breakdown);
            if (breakdown.Title is not null) json.WriteString("title", breakdown.Title);
            json.WriteStartArray("rows");
            foreach (var row in breakdown.Rows)
            {
                json.WriteStartObject();
                json.WriteString("group", row.Group);
                json.WriteString("code", row.Code);
                json.WriteNumber("n", row.N);
                json.WriteNumber("positive", row.Positive);
                WritePercent(json, row.Percent);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string RatedByName(StandardRating rating) => rating switch
    {
        StandardRating.LowestKeyQuestion => "lowest_key_question",
        StandardRating.Inspector => "inspector",
        _ => "not_rated",
    };

    private static void WritePercent(Utf8JsonWriter json, decimal? percent)
    {
        if (percent is { } value) json.WriteNumber("percent", decimal.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0m);
        else json.WriteNull("percent");
    }

    private static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
