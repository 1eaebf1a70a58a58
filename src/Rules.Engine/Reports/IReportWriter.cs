namespace Rules.Engine.Reports;

/// <summary>Writes an evaluation report in one format.</summary>
public interface IReportWriter
{
    /// <summary>The format written.</summary>
    ReportFormat Format { get; }

    /// <summary>Writes the whole report to <paramref name="output"/>; the scale gives labels, bounds and colours.</summary>
    void Write(EvaluationReport report, ReportScale scale, TextWriter output);
}
