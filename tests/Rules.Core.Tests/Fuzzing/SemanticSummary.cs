using System.Text;
using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.Core.Tests.Fuzzing;

/// <summary>
/// Everything a framework means, written out without positions or layout: used to show that
/// formatting never changes meaning. Conditions are written token by token, so spacing does not count.
/// </summary>
internal static class SemanticSummary
{
    public static string Of(SemanticModel model)
    {
        var b = new StringBuilder();
        if (model.Framework is { } f)
        {
            b.AppendLine($"framework {f.Name} {f.Version} scale={f.Scale?.Name}");
            foreach (var band in f.OverallBands) b.AppendLine($"  band {band.LevelName} {band.Bound}");
        }
        foreach (var s in model.Scales)
        {
            b.AppendLine($"scale {s.Name}");
            foreach (var l in s.Levels) b.AppendLine($"  level {l.Name} {l.Label} {l.Score} {l.Bound}");
        }
        foreach (var field in model.CaseFields)
            b.AppendLine($"field {field.Name} {field.Label} {field.TypeDisplay}");
        foreach (var set in model.AnswerSets)
        {
            b.AppendLine($"answers {set.Name}");
            foreach (var o in set.Options) b.AppendLine($"  option {o.Name} {o.Label} {o.Outcome}");
        }
        foreach (var d in model.Domains)
        {
            b.AppendLine($"domain {d.Name} {d.Title}");
            Checks(model.ChecksOf(d), b);
            foreach (var s in model.StandardsOf(d))
            {
                b.AppendLine($"  standard {s.Code} {s.Title} summary={s.Summary} rating={s.Rating} when={Condition(s.Condition)} guidance={s.Guidance}");
                Checks(s.Checks, b);
                foreach (var k in s.KeyQuestions)
                {
                    Question(k, b);
                    foreach (var p in k.Prompts) Question(p, b);
                }
            }
        }
        Checks(model.GlobalChecks, b);
        foreach (var br in model.Breakdowns)
        {
            b.AppendLine($"breakdown {br.Name} {br.Title} by {br.Field?.Name}");
            foreach (var g in br.Groups)
                b.AppendLine($"  group {g.Label} [{string.Join(",", g.Values.Select(v => v.Name))}] {g.Low} {g.High} {g.Boolean}");
        }
        foreach (var t in model.Tests)
        {
            b.AppendLine($"test {t.Name}");
            foreach (var v in t.CaseValues) b.AppendLine($"  case {v.Field}={v.Value}");
            foreach (var a in t.Answers) b.AppendLine($"  answer {a.Code}={a.Option}");
            foreach (var e in t.Expectations) b.AppendLine($"  expect {e.Kind} {e.Code} {e.Message}");
        }
        b.AppendLine("diagnostics " + string.Join(",", model.Diagnostics.Select(d => d.Id).Order()));
        return b.ToString();
    }

    private static void Question(QuestionSymbol q, StringBuilder b)
    {
        b.AppendLine($"    {q.Kind} {q.Code} {q.Text} : {q.AnswerSet?.Name} when={Condition(q.Condition)} guidance={q.Guidance}");
        Checks(q.Checks, b);
    }

    private static void Checks(IEnumerable<CheckSymbol> checks, StringBuilder b)
    {
        foreach (var c in checks) b.AppendLine($"      {(c.IsSignal ? "signal" : "check")} {c.Message} when={Condition(c.Condition)}");
    }

    private static string Condition(BoundExpression? e) =>
        e?.Syntax is SyntaxNode node ? string.Join(" ", node.Tokens().Where(t => !t.IsMissing).Select(t => t.Text)) : "-";
}
