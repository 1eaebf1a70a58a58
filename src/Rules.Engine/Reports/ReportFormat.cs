namespace Rules.Engine.Reports;

/// <summary>The output formats of <c>rules evaluate --format</c>.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Markdown,
    Html,
}
