using System.Globalization;
using System.Net;
using Rules.Engine.Aggregation;

namespace Rules.Engine.Reports;

/// <summary>
/// One self-contained HTML page: inline CSS, inline SVG charts, no scripts, fonts, images or
/// links that leave the page. Each key question is a bar against the scale's bounds (drawn as
/// threshold lines), coloured by its level; standards and the overall rating are coloured badges;
/// breakdowns are tables with small bars.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2328; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; margin-top: 2.5rem; }
        h3 { font-size: 1.05rem; margin-top: 1.6rem; }
        .muted { color: #57606a; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
        th, td { border: 1px solid #d0d7de; padding: .3rem .55rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; color: #fff; border-radius: .8rem; padding: .05rem .6rem; font-size: .85rem; font-weight: 600; white-space: nowrap; }
        .legend .badge { margin-right: .4rem; }
        .overall { font-size: 1.05rem; }
        nav a { margin-right: .8rem; }
        svg text { font-family: inherit; font-size: 12px; fill: #1f2328; }
        svg .threshold { stroke: #57606a; stroke-dasharray: 4 3; stroke-width: 1; }
        svg .track { fill: #eef1f4; }
        svg text.muted { fill: #57606a; }
        """;

    public ReportFormat Format => ReportFormat.Html;

    public void Write(EvaluationReport report, ReportScale scale, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(output);
        var title = $"{report.Framework.Name} — evaluation report";
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\">");
        output.WriteLine("<head>");
        output.WriteLine("<meta charset=\"utf-8\">");
        output.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        output.WriteLine($"<title>{E(title)}</title>");
        output.WriteLine("<style>");
        output.WriteLine(Style);
        output.WriteLine("</style>");
        output.WriteLine("</head>");
        output.WriteLine("<body>");
        output.WriteLine("<header>");
        output.WriteLine($"<h1>{E(report.Framework.Name)}</h1>");
        output.WriteLine($"<p class=\"muted\">Version {E(report.Framework.Version)} · {ReportText.Count(report.Input.Read)} cases read · {ReportText.Count(report.Input.Evaluated)} evaluated · {ReportText.Count(report.Input.Rejected)} rejected</p>");
        output.Write("<p class=\"legend\">");
        foreach (var level in scale.Levels)
        {
            output.Write($"{Badge(scale, level.Name)} from {Num(level.FromPercent)}% ");
        }

        output.WriteLine("</p>");
        if (report.Inspections.Length > 1)
        {
            output.Write("<nav>");
            for (var i = 0; i < report.Inspections.Length; i++)
            {
                output.Write($"<a href=\"#inspection-{i}\">{E(ReportText.InspectionTitle(report.Inspections[i].Inspection))}</a>");
            }

            if (report.Rejected.Length > 0) output.Write("<a href=\"#rejected\">Rejected cases</a>");
            if (report.Warnings.Length > 0) output.Write("<a href=\"#warnings\">Warnings</a>");
            output.WriteLine("</nav>");
        }

        output.WriteLine("</header>");

        for (var i = 0; i < report.Inspections.Length; i++)
        {
            WriteInspection(output, report.Inspections[i], i, scale);
        }

        WriteProblems(output, "rejected", "Rejected cases", report.Rejected.Length, report.Rejected.SelectMany(r => r.Errors.Select(e => (r.Line, r.Id, e.Id, e.Message))));
        WriteProblems(output, "warnings", "Warnings", report.Warnings.Length, report.Warnings.Select(w => (w.Line, w.Case, w.Id, w.Message)));
        output.WriteLine("</body>");
        output.WriteLine("</html>");
    }

    private static void WriteInspection(TextWriter output, InspectionReport inspection, int index, ReportScale scale)
    {
        output.WriteLine($"<section id=\"inspection-{index}\">");
        output.WriteLine($"<h2>{E(ReportText.InspectionTitle(inspection.Inspection))}</h2>");
        var overall = inspection.Overall;
        var overallText = overall.Level is null
            ? overall.Missing.IsDefaultOrEmpty ? "" : $" — no inspector rating for {E(string.Join(", ", overall.Missing))}"
            : $" (score {overall.Score?.ToString(CultureInfo.InvariantCulture) ?? "–"})";
        output.WriteLine($"<p class=\"overall\">{ReportText.Count(inspection.Cases)} evaluated {ReportText.Plural(inspection.Cases, "case", "cases")}. Overall rating: {Badge(scale, overall.Level)}{overallText}</p>");

        if (inspection.Standards.Length > 0)
        {
            output.WriteLine("<h3>Standards</h3>");
            output.WriteLine("<table>");
            output.WriteLine("<tr><th>Standard</th><th>Rating</th><th class=\"num\">Score</th><th class=\"num\">% positive</th><th>Limited by</th></tr>");
            foreach (var s in inspection.Standards)
            {
                var name = s.Title is null ? E(s.Code) : $"{E(s.Code)} {E(s.Title)}";
                output.WriteLine($"<tr><td>{name}</td><td>{Badge(scale, s.Level)}</td><td class=\"num\">{s.Score?.ToString(CultureInfo.InvariantCulture) ?? "–"}</td><td class=\"num\">{(s.Percent is null ? "–" : ReportText.Percent(s.Percent))}</td><td>{E(s.LimitedBy ?? "–")}</td></tr>");
            }

            output.WriteLine("</table>");
        }

        if (inspection.KeyQuestions.Length > 0)
        {
            output.WriteLine("<h3>Key questions</h3>");
            WriteKeyQuestionChart(output, inspection, scale);
            output.WriteLine("<table>");
            output.WriteLine("<tr><th>Key question</th><th class=\"num\">n</th><th class=\"num\">Positive</th><th class=\"num\">% positive</th><th>Rating</th></tr>");
            foreach (var q in inspection.KeyQuestions)
            {
                output.WriteLine($"<tr><td>{Named(q.Code, q.Text)}</td><td class=\"num\">{ReportText.Count(q.Applicable)}</td><td class=\"num\">{ReportText.Count(q.Positive)}</td><td class=\"num\">{ReportText.Percent(q.Percent)}</td><td>{Badge(scale, q.Level)}</td></tr>");
            }

            output.WriteLine("</table>");
        }

        if (inspection.Prompts.Length > 0)
        {
            output.WriteLine("<h3>Prompts</h3>");
            output.WriteLine("<table>");
            output.WriteLine("<tr><th>Prompt</th><th class=\"num\">n</th><th class=\"num\">Positive</th><th class=\"num\">% positive</th><th>Answers</th></tr>");
            foreach (var p in inspection.Prompts)
            {
                var answers = string.Join("; ", p.Options.Select(o => $"{E(o.Label ?? o.Option)}: {ReportText.Count(o.Count)}"));
                output.WriteLine($"<tr><td>{Named(p.Code, p.Text)}</td><td class=\"num\">{ReportText.Count(p.Applicable)}</td><td class=\"num\">{ReportText.Count(p.Positive)}</td><td class=\"num\">{ReportText.Percent(p.Percent)}</td><td>{answers}</td></tr>");
            }

            output.WriteLine("</table>");
        }

        foreach (var breakdown in inspection.Breakdowns)
        {
            output.WriteLine($"<h3>Breakdown: {E(breakdown.Title ?? breakdown.Breakdown)}</h3>");
            output.WriteLine("<table>");
            output.WriteLine("<tr><th>Group</th><th>Key question</th><th class=\"num\">n</th><th class=\"num\">Positive</th><th class=\"num\">% positive</th><th>Chart</th></tr>");
            foreach (var row in breakdown.Rows)
            {
                output.WriteLine($"<tr><td>{E(row.Group)}</td><td>{E(row.Code)}</td><td class=\"num\">{ReportText.Count(row.N)}</td><td class=\"num\">{ReportText.Count(row.Positive)}</td><td class=\"num\">{ReportText.Percent(row.Percent)}</td><td>{SmallBar(row, scale)}</td></tr>");
            }

            output.WriteLine("</table>");
        }

        output.WriteLine("</section>");
    }

    private static void WriteKeyQuestionChart(TextWriter output, InspectionReport inspection, ReportScale scale)
    {
        const int width = 820, labelWidth = 80, valueWidth = 240, top = 24, rowHeight = 28;
        const int left = labelWidth, right = width - valueWidth;
        var height = top + (inspection.KeyQuestions.Length * rowHeight) + 8;
        var span = right - left;
        output.WriteLine($"<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Percentage of positive cases per key question against the rating thresholds\">");
        for (var i = 0; i < inspection.KeyQuestions.Length; i++)
        {
            var q = inspection.KeyQuestions[i];
            var y = top + (i * rowHeight);
            var tooltip = $"{q.Code}{(q.Text is null ? "" : " " + q.Text)}: {ReportText.Number(q.Positive)} of {ReportText.Number(q.Applicable)} positive ({ReportText.Percent(q.Percent)}), {scale.LabelOf(q.Level)}";
            output.WriteLine($"<g><title>{E(tooltip)}</title>");
            output.WriteLine($"<text x=\"{left - 8}\" y=\"{y + 18}\" text-anchor=\"end\">{E(q.Code)}</text>");
            output.WriteLine($"<rect class=\"track\" x=\"{left}\" y=\"{y + 4}\" width=\"{span}\" height=\"{rowHeight - 8}\"/>");
            if (q.Percent is { } percent)
            {
                output.WriteLine($"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{Num(Clamp(percent) * span / 100)}\" height=\"{rowHeight - 8}\" fill=\"{scale.ColorOf(q.Level)}\"/>");
                output.WriteLine($"<text x=\"{right + 8}\" y=\"{y + 18}\">{ReportText.Percent(q.Percent)} · {E(scale.LabelOf(q.Level))}</text>");
            }
            else
            {
                output.WriteLine($"<text x=\"{right + 8}\" y=\"{y + 18}\" class=\"muted\">no applicable cases</text>");
            }

            output.WriteLine("</g>");
        }

        foreach (var level in scale.Levels)
        {
            if (level.FromPercent <= 0 || level.FromPercent > 100) continue;
            var x = Num(left + (Clamp(level.FromPercent) * span / 100));
            output.WriteLine($"<line class=\"threshold\" x1=\"{x}\" y1=\"{top - 6}\" x2=\"{x}\" y2=\"{height - 4}\"><title>{E(level.Label)} from {Num(level.FromPercent)}%</title></line>");
            output.WriteLine($"<text x=\"{x}\" y=\"{top - 10}\" text-anchor=\"middle\">{Num(level.FromPercent)}%</text>");
        }

        output.WriteLine("</svg>");
    }

    private static string SmallBar(BreakdownRow row, ReportScale scale)
    {
        const int width = 160, height = 14;
        var percent = row.Percent;
        var bounds = scale.Levels.Select(l => l.FromPercent).ToArray();
        var index = row.Positive <= row.N ? Rating.LevelFor(new Proportion(row.Positive, row.N), bounds) : -1;
        var level = index >= 0 ? scale.Levels[index].Name : null;
        var bar = percent is { } value
            ? $"<rect x=\"0\" y=\"2\" width=\"{Num(Clamp(value) * width / 100)}\" height=\"{height - 4}\" fill=\"{scale.ColorOf(level)}\"/>"
            : "";
        var ticks = string.Concat(scale.Levels
            .Where(l => l.FromPercent > 0 && l.FromPercent <= 100)
            .Select(l => $"<line class=\"threshold\" x1=\"{Num(Clamp(l.FromPercent) * width / 100)}\" y1=\"0\" x2=\"{Num(Clamp(l.FromPercent) * width / 100)}\" y2=\"{height}\"/>"));
        return $"<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{ReportText.Percent(percent)}\"><rect class=\"track\" x=\"0\" y=\"2\" width=\"{width}\" height=\"{height - 4}\"/>{bar}{ticks}</svg>";
    }

    private static void WriteProblems(TextWriter output, string id, string title, int count, IEnumerable<(int Line, string? Case, string Id, string Message)> rows)
    {
        if (count == 0) return;
        output.WriteLine($"<section id=\"{id}\">");
        output.WriteLine($"<h2>{E(title)} ({ReportText.Count(count)})</h2>");
        output.WriteLine("<table>");
        output.WriteLine("<tr><th class=\"num\">Line</th><th>Case</th><th>Problem</th><th>Message</th></tr>");
        var all = rows.ToList();
        foreach (var row in all.Take(ReportText.ListedProblems))
        {
            output.WriteLine($"<tr><td class=\"num\">{row.Line}</td><td>{E(row.Case ?? "(no id)")}</td><td>{E(row.Id)}</td><td>{E(row.Message)}</td></tr>");
        }

        output.WriteLine("</table>");
        if (all.Count > ReportText.ListedProblems)
            output.WriteLine($"<p class=\"muted\">… and {ReportText.Count(all.Count - ReportText.ListedProblems)} more (use --format json for the full list).</p>");
        output.WriteLine("</section>");
    }

    private static string Badge(ReportScale scale, string? level) =>
        $"<span class=\"badge\" style=\"background:{scale.ColorOf(level)}\">{E(scale.LabelOf(level))}</span>";

    private static string Named(string code, string? text) => text is null ? E(code) : $"{E(code)} {E(text)}";

    private static decimal Clamp(decimal percent) => Math.Clamp(percent, 0, 100);

    private static string Num(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
