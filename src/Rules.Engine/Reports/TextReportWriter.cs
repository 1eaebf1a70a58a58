using System.Globalization;

namespace Rules.Engine.Reports;

/// <summary>A readable plain-text summary, aligned in columns, one section per inspection.</summary>
public sealed class TextReportWriter : IReportWriter
{
    public ReportFormat Format => ReportFormat.Text;

    public void Write(EvaluationReport report, ReportScale scale, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"{report.Framework.Name} (version {report.Framework.Version})");
        output.WriteLine($"Cases: {ReportText.Count(report.Input.Read)} read, {ReportText.Count(report.Input.Evaluated)} evaluated, {ReportText.Count(report.Input.Rejected)} rejected");
        output.WriteLine($"Scale: {string.Join(", ", scale.Levels.Select(l => $"{l.Label} from {l.FromPercent.ToString(CultureInfo.InvariantCulture)}%"))}");

        foreach (var inspection in report.Inspections)
        {
            output.WriteLine();
            output.WriteLine($"== {ReportText.InspectionTitle(inspection.Inspection)}: {ReportText.Count(inspection.Cases)} {ReportText.Plural(inspection.Cases, "case", "cases")} ==");
            output.WriteLine($"Overall: {ReportText.Overall(inspection.Overall, scale)}");

            if (inspection.Standards.Length > 0)
            {
                output.WriteLine();
                output.WriteLine("Standards");
                WriteTable(output, inspection.Standards.Select(s => new[]
                {
                    s.Code,
                    s.Title ?? "",
                    scale.LabelOf(s.Level),
                    s.Score is { } score ? $"score {score}" : "",
                    s.Percent is null ? "" : ReportText.Percent(s.Percent),
                    s.LimitedBy is null ? "" : $"limited by {s.LimitedBy}",
                }), rightAligned: [4]);
            }

            if (inspection.KeyQuestions.Length > 0)
            {
                output.WriteLine();
                output.WriteLine("Key questions (% positive, positive / applicable, level)");
                WriteTable(output, inspection.KeyQuestions.Select(q => new[]
                {
                    q.Code,
                    ReportText.Percent(q.Percent),
                    $"{ReportText.Number(q.Positive)} / {ReportText.Number(q.Applicable)}",
                    scale.LabelOf(q.Level),
                }), rightAligned: [1, 2]);
            }

            if (inspection.Prompts.Length > 0)
            {
                output.WriteLine();
                output.WriteLine("Prompts (% positive leaving out not-applicable answers, positive / applicable, answers)");
                WriteTable(output, inspection.Prompts.Select(p => new[]
                {
                    p.Code,
                    ReportText.Percent(p.Percent),
                    $"{ReportText.Number(p.Positive)} / {ReportText.Number(p.Applicable)}",
                    ReportText.Options(p),
                }), rightAligned: [1, 2]);
            }

            foreach (var breakdown in inspection.Breakdowns)
            {
                output.WriteLine();
                output.WriteLine(breakdown.Title is null ? $"Breakdown {breakdown.Breakdown}" : $"Breakdown {breakdown.Breakdown}: {breakdown.Title}");
                WriteTable(output, breakdown.Rows.Select(r => new[]
                {
                    r.Group,
                    r.Code,
                    ReportText.Percent(r.Percent),
                    $"{ReportText.Number(r.Positive)} / {ReportText.Number(r.N)}",
                }), rightAligned: [2, 3]);
            }
        }

        WriteProblems(output, "Rejected cases", report.Rejected.Length, report.Rejected.SelectMany(r => r.Errors.Select(e => new[]
        {
            $"line {r.Line}",
            r.Id ?? "(no id)",
            e.Id,
            e.Message,
        })));
        WriteProblems(output, "Warnings", report.Warnings.Length, report.Warnings.Select(w => new[]
        {
            $"line {w.Line}",
            w.Case ?? "(no id)",
            w.Id,
            w.Message,
        }));
    }

    private static void WriteProblems(TextWriter output, string title, int count, IEnumerable<string[]> rows)
    {
        if (count == 0) return;
        output.WriteLine();
        output.WriteLine($"{title} ({ReportText.Count(count)})");
        var all = rows.ToList();
        WriteTable(output, all.Take(ReportText.ListedProblems), rightAligned: []);
        if (all.Count > ReportText.ListedProblems)
            output.WriteLine($"  … and {ReportText.Count(all.Count - ReportText.ListedProblems)} more (use --format json for the full list)");
    }

    private static void WriteTable(TextWriter output, IEnumerable<string[]> rows, int[] rightAligned)
    {
        var list = rows.ToList();
        if (list.Count == 0) return;
        var columns = list.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in list)
        {
            // The last column is never padded, so long messages do not widen the others.
            for (var i = 0; i < row.Length - 1; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        }

        foreach (var row in list)
        {
            var cells = new List<string>(row.Length);
            for (var i = 0; i < row.Length; i++)
            {
                var last = i == row.Length - 1;
                cells.Add(last ? row[i] : rightAligned.Contains(i) ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i]));
            }

            output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }
}
