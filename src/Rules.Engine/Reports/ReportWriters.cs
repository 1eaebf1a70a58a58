namespace Rules.Engine.Reports;

/// <summary>The report writers by format.</summary>
public static class ReportWriters
{
    /// <summary>The writer for a format.</summary>
    public static IReportWriter For(ReportFormat format) => format switch
    {
        ReportFormat.Text => new TextReportWriter(),
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Markdown => new MarkdownReportWriter(),
        ReportFormat.Html => new HtmlReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
    };

    /// <summary>The format named on the command line (text, json, markdown or md, html); null when unknown.</summary>
    public static ReportFormat? Parse(string name) => name.ToLowerInvariant() switch
    {
        "text" or "txt" => ReportFormat.Text,
        "json" => ReportFormat.Json,
        "markdown" or "md" => ReportFormat.Markdown,
        "html" => ReportFormat.Html,
        _ => null,
    };

    /// <summary>The report in a format, as a string.</summary>
    public static string Render(EvaluationReport report, ReportScale scale, ReportFormat format)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        For(format).Write(report, scale, writer);
        return writer.ToString();
    }
}
