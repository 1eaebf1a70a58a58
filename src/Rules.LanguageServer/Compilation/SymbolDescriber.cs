using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.LanguageServer.Compilation;

/// <summary>Describes a symbol for hovers and completion documentation, in markdown or plain text,
/// in the words standards authors use: question text, answer options with labels and outcomes,
/// guidance, the condition under which an item applies, field types, scale levels and rating rules.</summary>
public static partial class SymbolDescriber
{
    /// <param name="model">The compilation the symbol comes from: a domain's standards are listed from it.</param>
    public static string Describe(Symbol symbol, bool markdown, SemanticModel? model = null)
    {
        var w = new Writer(markdown);
        switch (symbol)
        {
            case QuestionSymbol question:
                w.Title(question.Code, question is PromptSymbol ? "prompt" : "key question");
                w.Line(question.Text);
                w.Blank();
                DescribeAnswerSet(w, question.AnswerSet, "Answers");
                AppliesWhen(w, question);
                Guidance(w, question.Guidance);
                break;
            case StandardSymbol standard:
                w.Title($"{standard.Code} {standard.Title}", "standard");
                if (standard.Summary is { } summary) w.Line(summary);
                w.Blank();
                w.Line("Rating: " + RatingRule(standard.Rating));
                w.Line($"Key questions: {standard.KeyQuestions.Length}");
                AppliesWhen(w, standard);
                Guidance(w, standard.Guidance);
                break;
            case DomainSymbol domain:
                w.Title($"Domain {domain.Name}: {domain.Title}", "domain");
                if (model is not null) w.Line($"Standards: {string.Join(", ", model.StandardsOf(domain).Select(s => s.Code + " " + s.Title))}");
                break;
            case AnswerSetSymbol set:
                w.Title(set.Name, "answer set");
                DescribeAnswerSet(w, set, "Options");
                break;
            case AnswerOptionSymbol option:
                w.Title(option.Name, $"option of answer set {option.AnswerSet.Name}");
                w.Line($"\"{option.Label}\" — {Outcome(option.Outcome)}");
                break;
            case CaseFieldSymbol field:
                w.Title("case." + field.Name, "case field");
                w.Line(field.Label);
                w.Blank();
                w.Line("Type: " + w.Code(field.TypeDisplay));
                break;
            case FieldValueSymbol value:
                w.Title(value.Name, $"value of case field {value.Field.Name}");
                w.Line($"{value.Field.Label}: {w.Code(value.Field.TypeDisplay)}");
                break;
            case ScaleSymbol scale:
                w.Title(scale.Name, "scale");
                DescribeLevels(w, scale);
                break;
            case LevelSymbol level:
                w.Title(level.Name, $"level of scale {level.Scale.Name}");
                w.Line($"\"{level.Label}\" — score {level.Score}, from {Percent(level.Bound)} of cases positive");
                break;
            case FrameworkSymbol framework:
                w.Title(framework.Name, "framework");
                if (framework.Version is { } version) w.Line("Version " + version);
                if (framework.Scale is { } frameworkScale) w.Line("Scale: " + frameworkScale.Name);
                foreach (var band in framework.OverallBands) w.Item($"{band.LevelName} from {band.Bound}");
                break;
            case BreakdownSymbol breakdown:
                w.Title(breakdown.Name, "breakdown");
                w.Line(breakdown.Title + (breakdown.Field is { } f ? $" — by case.{f.Name}" : ""));
                foreach (var group in breakdown.Groups) w.Item(group.Label);
                break;
            case TestSymbol test:
                w.Title(test.Name, "test");
                w.Line($"{test.Answers.Length} answers, {test.Expectations.Length} expectations");
                break;
            case CheckSymbol check:
                w.Title(check.Message, check.IsSignal ? "signal" : "check");
                w.Line(check.IsSignal ? "Raised as a warning when its condition holds." : "Rejects the case when its condition holds.");
                var condition = ConditionText(check.Condition);
                if (condition is not null) w.Line("When: " + w.Code(condition));
                break;
            default:
                w.Title(symbol.Name, symbol.Kind.ToString());
                break;
        }
        return w.ToString().TrimEnd();
    }

    public static string RatingRule(RatingMethod? method) => method switch
    {
        RatingMethod.LowestKeyQuestion => "rated by the lowest key question",
        RatingMethod.Inspector => "rated by the inspector",
        RatingMethod.NotRated => "not rated",
        _ => "no rating rule",
    };

    public static string Outcome(OptionOutcome outcome) => outcome switch
    {
        OptionOutcome.Positive => "positive",
        OptionOutcome.NotApplicable => "not applicable",
        _ => "negative",
    };

    /// <summary>The source text of a bound condition, on one line.</summary>
    public static string? ConditionText(BoundExpression? condition)
    {
        if (condition?.Syntax is not { } syntax) return null;
        var text = new StringBuilder();
        foreach (var token in syntax.Tokens())
        {
            if (token.IsMissing) continue;
            if (text.Length > 0 && NeedsSpace(text[^1], token.Text)) text.Append(' ');
            text.Append(token.Text);
        }
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static bool NeedsSpace(char previous, string next) =>
        previous is not ('(' or '{') && next is not (")" or "}" or ",");

    private static void DescribeAnswerSet(Writer w, AnswerSetSymbol? set, string heading)
    {
        if (set is null)
        {
            w.Line($"{heading}: unknown answer set");
            return;
        }
        w.Line($"{heading} ({w.Code(set.Name)}):");
        foreach (var option in set.Options)
            w.Item($"{w.Code(option.Name)} \"{option.Label}\" — {Outcome(option.Outcome)}");
        w.Blank();
    }

    private static void DescribeLevels(Writer w, ScaleSymbol scale)
    {
        foreach (var level in scale.Levels)
            w.Item($"{w.Code(level.Name)} \"{level.Label}\" — score {level.Score}, from {Percent(level.Bound)}");
    }

    private static void AppliesWhen(Writer w, RoutedSymbol item)
    {
        var chain = item.ConditionChain();
        if (chain.Count == 0) return;
        w.Line("Applies when:");
        foreach (var (owner, condition) in chain)
            w.Item($"{w.Code(ConditionText(condition) ?? "?")}" + (ReferenceEquals(owner, item) ? "" : $" (from {owner.Display})"));
        w.Blank();
    }

    private static void Guidance(Writer w, string? guidance)
    {
        if (string.IsNullOrWhiteSpace(guidance)) return;
        w.Line("Guidance:");
        foreach (var line in guidance.Trim().Split('\n')) w.Line(line.TrimEnd('\r'));
    }

    private static string Percent(decimal bound) => bound.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed class Writer(bool markdown)
    {
        private readonly StringBuilder _text = new();

        public string Code(string text) => markdown ? "`" + text.Replace("`", "'") + "`" : text;

        public void Title(string name, string kind)
        {
            _text.Append(markdown ? $"**{Escape(name)}** _{kind}_" : $"{name} ({kind})").Append("\n\n");
        }

        public void Line(string text) => _text.Append(markdown ? Escape(text) : text).Append(markdown ? "  \n" : "\n");

        public void Item(string text) => _text.Append(markdown ? "- " : "  ").Append(text).Append('\n');

        public void Blank()
        {
            if (_text.Length > 0 && !_text.ToString().EndsWith("\n\n", StringComparison.Ordinal)) _text.Append('\n');
        }

        private static string Escape(string text) => text.Replace("*", "\\*").Replace("_", "\\_");

        public override string ToString() => _text.ToString();
    }
}
