using System.Text;
using Rules.Core.Semantics;
using Rules.Core.Syntax;

namespace Rules.SampleData;

/// <summary>
/// Writes <c>ratings.json</c> for <c>--ratings</c>: a level for every standard <c>rated by inspector</c> in
/// every sample inspection, in keeping with how well the inspection does (its quality, plus a fixed
/// nudge per standard), so that the overall rating can be worked out.
/// </summary>
public static class InspectorRatingsFile
{
    public const string Name = "ratings.json";

    public static string Render(SemanticModel model)
    {
        var levels = model.Framework?.Scale?.Levels ?? [];
        var standards = model.Standards.Where(s => s.Rating == RatingMethod.Inspector)
            .OrderBy(s => s.Code, FrameworkOrder.CodeComparer.Instance).ToList();
        var text = new StringBuilder("{\n");
        var inspections = InspectionPlan.Inspections.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < inspections.Count; i++)
        {
            var inspection = inspections[i];
            text.Append("  \"").Append(inspection.Name).Append("\": {");
            for (var s = 0; s < standards.Count && levels.Length > 0; s++)
            {
                var nudge = 1.4 * (StableHash.Unit(inspection.Name + "/" + standards[s].Code) - 0.5);
                var percent = 100m * (decimal)Draw.Logistic(Draw.Logit(0.55) + inspection.Quality + nudge);
                var level = levels.FirstOrDefault(l => percent >= l.Bound) ?? levels[^1];
                text.Append(s == 0 ? " " : ", ").Append('"').Append(standards[s].Code).Append("\": \"").Append(level.Name).Append('"');
            }
            text.Append(" }").Append(i < inspections.Count - 1 ? ",\n" : "\n");
        }
        return text.Append("}\n").ToString();
    }
}
