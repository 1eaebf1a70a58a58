using System.Collections.Immutable;
using System.Text.Json;
using Rules.Core.Semantics;

namespace Rules.Engine.Evaluation;

/// <summary>
/// Levels given by inspectors for standards <c>rated by inspector</c>, per inspection (the
/// <c>--ratings FILE</c> input): <c>{ "gwent-2022": { "1.1": "good", "1.2": "requires_improvement" } }</c>.
/// </summary>
public sealed class InspectorRatings
{
    private readonly ImmutableDictionary<string, ImmutableDictionary<string, string>> _levels;

    private InspectorRatings(ImmutableDictionary<string, ImmutableDictionary<string, string>> levels) => _levels = levels;

    public static InspectorRatings None { get; } = new(ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty);

    /// <summary>The level given for a standard in an inspection, or null.</summary>
    public string? LevelOf(string inspection, string standard) =>
        _levels.TryGetValue(inspection, out var levels) && levels.TryGetValue(standard, out var level) ? level : null;

    /// <summary>
    /// Reads ratings JSON and checks it against the framework: every standard must exist and be
    /// rated by inspector, every level must be a level of the framework's scale. Problems are
    /// returned as messages that name the inspection, the standard and the value; the ratings that
    /// are valid are kept.
    /// </summary>
    public static InspectorRatings Parse(string json, SemanticModel model, out ImmutableArray<string> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(model);
        var found = ImmutableArray.CreateBuilder<string>();
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            problems = [$"The ratings are not valid JSON (line {ex.LineNumber + 1}): {ex.Message.Split(" LineNumber:")[0]}"];
            return None;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems = ["The ratings must be a JSON object: { \"inspection\": { \"1.1\": \"good\" } }."];
                return None;
            }

            var scale = model.Framework?.Scale;
            foreach (var inspection in document.RootElement.EnumerateObject())
            {
                if (inspection.Value.ValueKind != JsonValueKind.Object)
                {
                    found.Add($"The ratings for inspection \"{inspection.Name}\" must be an object of standard codes to levels.");
                    continue;
                }

                var levels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                foreach (var rating in inspection.Value.EnumerateObject())
                {
                    var standard = model.Standards.FirstOrDefault(s => s.Code == rating.Name);
                    if (standard is null)
                    {
                        found.Add($"Inspection \"{inspection.Name}\" rates standard {rating.Name}, which the framework does not have.");
                        continue;
                    }

                    if (standard.Rating != Rules.Core.Syntax.RatingMethod.Inspector)
                    {
                        found.Add($"Inspection \"{inspection.Name}\" rates standard {rating.Name}, which is not rated by inspector.");
                        continue;
                    }

                    var level = rating.Value.ValueKind == JsonValueKind.String ? rating.Value.GetString()! : null;
                    if (level is null || scale?.FindLevel(level) is null)
                    {
                        var options = scale is null ? "" : $" ({string.Join(", ", scale.Levels.Select(l => l.Name))})";
                        found.Add($"Inspection \"{inspection.Name}\" gives standard {rating.Name} the rating {rating.Value.GetRawText()}, which is not a level of the scale{options}.");
                        continue;
                    }

                    levels[rating.Name] = level;
                }

                result[inspection.Name] = levels.ToImmutable();
            }
        }

        problems = found.ToImmutable();
        return new InspectorRatings(result.ToImmutable());
    }
}
