using System.Collections.Immutable;
using Rules.Core.Semantics;
using Rules.Core.Syntax;
using Rules.Engine.Aggregation;
using Rules.Engine.Reports;

namespace Rules.Engine.Evaluation;

/// <summary>Turns counters into the report contract of CLI.md: percentages, levels, standards, overall.</summary>
public static class ReportBuilder
{
    /// <summary>
    /// The whole report: <c>"*"</c> first, then each inspection by name. Ratings give the levels of
    /// standards rated by inspector; none are given for <c>"*"</c>.
    /// </summary>
    public static EvaluationReport Build(
        CompiledFramework framework,
        InspectionTally tally,
        InspectorRatings ratings,
        InputSummary input,
        ImmutableArray<RejectedCase> rejected,
        ImmutableArray<CaseWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(ratings);
        var inspections = ImmutableArray.CreateBuilder<InspectionReport>();
        inspections.Add(BuildInspection(framework, tally.All(), ratings));
        foreach (var counters in tally.Inspections) inspections.Add(BuildInspection(framework, counters, ratings));
        var model = framework.Model;
        return new EvaluationReport(
            new FrameworkSummary(model.Framework?.Name ?? "", model.Framework?.Version ?? ""),
            input,
            inspections.ToImmutable(),
            rejected,
            warnings);
    }

    /// <summary>The results of one inspection's counters.</summary>
    public static InspectionReport BuildInspection(CompiledFramework framework, InspectionCounters counters, InspectorRatings ratings)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(ratings);
        var levels = framework.Model.Framework?.Scale?.Levels ?? [];
        var bounds = levels.Select(l => l.Bound).ToArray();

        string? LevelOf(Proportion proportion)
        {
            var index = Rating.LevelFor(proportion, bounds);
            return index >= 0 ? levels[index].Name : null;
        }

        var keyQuestions = ImmutableArray.CreateBuilder<KeyQuestionResult>();
        var proportions = new Dictionary<KeyQuestionSymbol, Proportion>();
        for (var k = 0; k < framework.KeyQuestions.Length; k++)
        {
            var question = framework.KeyQuestions[k];
            var proportion = counters.KeyQuestion(k);
            proportions[question] = proportion;
            keyQuestions.Add(new KeyQuestionResult(question.Code, proportion.Applicable, proportion.Positive, proportion.Percent, LevelOf(proportion)) { Text = question.Text });
        }

        var prompts = ImmutableArray.CreateBuilder<PromptResult>();
        for (var p = 0; p < framework.Prompts.Length; p++)
        {
            var prompt = framework.Prompts[p];
            var counts = counters.PromptOptions(p);
            var options = prompt.AnswerSet?.Options.OrderBy(o => o.Index).ToArray() ?? [];
            var positive = new bool[counts.Length];
            var notApplicable = new bool[counts.Length];
            var optionCounts = ImmutableArray.CreateBuilder<OptionCount>(counts.Length);
            for (var i = 0; i < counts.Length; i++)
            {
                var option = i < options.Length ? options[i] : null;
                positive[i] = option?.Outcome == OptionOutcome.Positive;
                notApplicable[i] = option?.Outcome == OptionOutcome.NotApplicable;
                optionCounts.Add(new OptionCount(option?.Name ?? $"option {i + 1}", counts[i]) { Label = option?.Label });
            }

            var proportion = Rating.ForOptions(counts, positive, notApplicable);
            prompts.Add(new PromptResult(prompt.Code, counters.PromptApplicable(p), optionCounts.ToImmutable(), proportion.Positive, proportion.Percent) { Text = prompt.Text });
        }

        var standards = ImmutableArray.CreateBuilder<StandardResult>();
        var missing = new List<string>();
        var score = 0;
        var rated = 0;
        foreach (var standard in framework.Standards)
        {
            StandardResult result;
            switch (standard.Rating)
            {
                case RatingMethod.LowestKeyQuestion:
                {
                    var questions = standard.KeyQuestions.Where(proportions.ContainsKey).ToArray();
                    var lowest = Rating.Lowest([.. questions.Select(q => proportions[q])]);
                    if (lowest < 0)
                    {
                        result = new StandardResult(standard.Code, null, null, null, null);
                        break;
                    }

                    var proportion = proportions[questions[lowest]];
                    var level = levels.FirstOrDefault(l => l.Name == LevelOf(proportion));
                    result = new StandardResult(standard.Code, level?.Name, level?.Score, proportion.Percent, questions[lowest].Code);
                    break;
                }

                case RatingMethod.Inspector:
                {
                    var name = ratings.LevelOf(counters.Inspection, standard.Code);
                    var level = name is null ? null : levels.FirstOrDefault(l => l.Name == name);
                    if (level is null) missing.Add(standard.Code);
                    result = new StandardResult(standard.Code, level?.Name, level?.Score, null, null);
                    break;
                }

                default:
                    result = new StandardResult(standard.Code, null, null, null, null);
                    break;
            }

            if (result.Score is { } s)
            {
                score += s;
                rated++;
            }
            standards.Add(result with
            {
                Title = standard.Title,
                RatedBy = standard.Rating switch
                {
                    RatingMethod.LowestKeyQuestion => StandardRating.LowestKeyQuestion,
                    RatingMethod.Inspector => StandardRating.Inspector,
                    _ => StandardRating.NotRated,
                },
            });
        }

        OverallResult overall;
        if (missing.Count > 0 || rated == 0)
        {
            // Not rated: an inspector rating is missing, or no standard has a level at all (no
            // applicable case anywhere), where a sum of nothing would wrongly read as the lowest band.
            overall = OverallResult.NotRated(missing);
        }
        else
        {
            var bands = framework.Model.Framework?.OverallBands ?? [];
            var band = Rating.BandFor(score, [.. bands.Select(b => b.Bound)]);
            overall = band >= 0 ? OverallResult.Rated(score, bands[band].LevelName) : new OverallResult(score, null, []);
        }

        var breakdowns = ImmutableArray.CreateBuilder<BreakdownResult>();
        foreach (var breakdown in framework.Breakdowns)
        {
            var rows = ImmutableArray.CreateBuilder<BreakdownRow>();
            for (var g = 0; g < breakdown.GroupCount; g++)
            {
                for (var k = 0; k < framework.KeyQuestions.Length; k++)
                {
                    var proportion = counters.Breakdown(breakdown.FirstGroup + g, k);
                    rows.Add(new BreakdownRow(breakdown.GroupLabel(g), framework.KeyQuestions[k].Code, proportion.Applicable, proportion.Positive, proportion.Percent));
                }
            }

            breakdowns.Add(new BreakdownResult(breakdown.Symbol.Name, rows.ToImmutable()) { Title = breakdown.Symbol.Title });
        }

        return new InspectionReport(
            counters.Inspection,
            counters.Cases,
            keyQuestions.ToImmutable(),
            prompts.ToImmutable(),
            standards.ToImmutable(),
            overall,
            breakdowns.ToImmutable());
    }
}
