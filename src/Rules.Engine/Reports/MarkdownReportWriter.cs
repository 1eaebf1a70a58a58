using System.Globalization;

namespace Rules.Engine.Reports;

/// <summary>
/// The report as Markdown tables. Breakdowns follow the published bulletins' annex tables: for each
/// key question, "All cases" then every breakdown group with n, positive n and % positive.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public ReportFormat Format => ReportFormat.Markdown;

    public void Write(EvaluationReport report, ReportScale scale, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"# {Cell(report.Framework.Name)} (version {Cell(report.Framework.Version)})");
        output.WriteLine();
        output.WriteLine("| Cases read | Evaluated | Rejected |");
        output.WriteLine("|---:|---:|---:|");
        output.WriteLine($"| {ReportText.Count(report.Input.Read)} | {ReportText.Count(report.Input.Evaluated)} | {ReportText.Count(report.Input.Rejected)} |");
        output.WriteLine();
        output.WriteLine("Rating scale: " + string.Join("; ", scale.Levels.Select(l => $"{Cell(l.Label)} from {l.FromPercent.ToString(CultureInfo.InvariantCulture)}%")) + ".");

        foreach (var inspection in report.Inspections)
        {
            WriteInspection(output, inspection, scale);
        }

        WriteProblems(output, "Rejected cases", report.Rejected.Length, report.Rejected.SelectMany(r => r.Errors.Select(e =>
            $"| {r.Line} | {Cell(r.Id ?? "(no id)")} | {e.Id} | {Cell(e.Message)} |")));
        WriteProblems(output, "Warnings", report.Warnings.Length, report.Warnings.Select(w =>
            $"| {w.Line} | {Cell(w.Case ?? "(no id)")} | {w.Id} | {Cell(w.Message)} |"));
    }

    private static void WriteInspection(TextWriter output, InspectionReport inspection, ReportScale scale)
    {
        output.WriteLine();
        output.WriteLine($"## {Cell(ReportText.InspectionTitle(inspection.Inspection))}");
        output.WriteLine();
        output.WriteLine($"{ReportText.Count(inspection.Cases)} evaluated {ReportText.Plural(inspection.Cases, "case", "cases")}. **Overall rating:** {Cell(ReportText.Overall(inspection.Overall, scale))}");

        if (inspection.Standards.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("### Standards");
            output.WriteLine();
            output.WriteLine("| Standard | Rating | Score | % positive | Limited by |");
            output.WriteLine("|---|---|---:|---:|---|");
            foreach (var s in inspection.Standards)
            {
                var name = s.Title is null ? s.Code : $"{s.Code} {s.Title}";
                output.WriteLine($"| {Cell(name)} | {Cell(scale.LabelOf(s.Level))} | {s.Score?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {(s.Percent is null ? "–" : ReportText.Percent(s.Percent))} | {s.LimitedBy ?? "–"} |");
            }
        }

        if (inspection.KeyQuestions.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("### Key questions");
            output.WriteLine();
            output.WriteLine("| Key question | n | Positive | % positive | Rating |");
            output.WriteLine("|---|---:|---:|---:|---|");
            foreach (var q in inspection.KeyQuestions)
            {
                output.WriteLine($"| {Cell(Named(q.Code, q.Text))} | {ReportText.Count(q.Applicable)} | {ReportText.Count(q.Positive)} | {ReportText.Percent(q.Percent)} | {Cell(scale.LabelOf(q.Level))} |");
            }
        }

        if (inspection.Prompts.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("### Prompts");
            output.WriteLine();
            output.WriteLine("| Prompt | n | Positive | % positive | Answers |");
            output.WriteLine("|---|---:|---:|---:|---|");
            foreach (var p in inspection.Prompts)
            {
                var answers = string.Join("; ", p.Options.Select(o => $"{o.Label ?? o.Option}: {ReportText.Count(o.Count)}"));
                output.WriteLine($"| {Cell(Named(p.Code, p.Text))} | {ReportText.Count(p.Applicable)} | {ReportText.Count(p.Positive)} | {ReportText.Percent(p.Percent)} | {Cell(answers)} |");
            }
        }

        foreach (var question in inspection.KeyQuestions)
        {
            var groups = inspection.Breakdowns
                .Select(b => (Breakdown: b, Rows: b.Rows.Where(r => r.Code == question.Code).ToList()))
                .Where(g => g.Rows.Count > 0)
                .ToList();
            if (groups.Count == 0) continue;

            output.WriteLine();
            output.WriteLine($"### Breakdown of {Cell(Named(question.Code, question.Text))}");
            output.WriteLine();
            output.WriteLine("| Characteristic | Group | N | Positive n | % positive |");
            output.WriteLine("|---|---|---:|---:|---:|");
            output.WriteLine($"| All cases | | {ReportText.Count(question.Applicable)} | {ReportText.Count(question.Positive)} | {ReportText.Percent(question.Percent)} |");
            foreach (var (breakdown, rows) in groups)
            {
                var first = true;
                foreach (var row in rows)
                {
                    var characteristic = first ? Cell(breakdown.Title ?? breakdown.Breakdown) : "";
                    first = false;
                    output.WriteLine($"| {characteristic} | {Cell(row.Group)} | {ReportText.Count(row.N)} | {ReportText.Count(row.Positive)} | {ReportText.Percent(row.Percent)} |");
                }
            }
        }
    }

    private static void WriteProblems(TextWriter output, string title, int count, IEnumerable<string> rows)
    {
        if (count == 0) return;
        output.WriteLine();
        output.WriteLine($"## {title} ({ReportText.Count(count)})");
        output.WriteLine();
        output.WriteLine("| Line | Case | Problem | Message |");
        output.WriteLine("|---:|---|---|---|");
        var all = rows.ToList();
        foreach (var row in all.Take(ReportText.ListedProblems)) output.WriteLine(row);
        if (all.Count > ReportText.ListedProblems)
        {
            output.WriteLine();
            output.WriteLine($"… and {ReportText.Count(all.Count - ReportText.ListedProblems)} more (use `--format json` for the full list).");
        }
    }

    private static string Named(string code, string? text) => text is null ? code : $"{code} {text}";

    /// <summary>Text safe inside a table cell: no line breaks, pipes escaped.</summary>
    private static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\r\n", " ", StringComparison.Ordinal)
            .Replace('\n', ' ')
            .Replace('\r', ' ');
}
