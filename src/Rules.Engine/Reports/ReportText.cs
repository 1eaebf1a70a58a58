using System.Globalization;

namespace Rules.Engine.Reports;

/// <summary>Formatting shared by the human-readable writers.</summary>
internal static class ReportText
{
    /// <summary>Rejected cases and warnings listed in full by the human-readable formats; the rest are counted.</summary>
    public const int ListedProblems = 200;

    public static string Percent(decimal? percent) =>
        percent is { } value ? (decimal.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0m).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(long count) => count.ToString(CultureInfo.InvariantCulture);

    public static string InspectionTitle(string inspection) => inspection switch
    {
        "*" => "All inspections",
        "" => "Cases without an inspection",
        _ => "Inspection " + inspection,
    };

    public static string Overall(OverallResult overall, ReportScale scale) =>
        overall.Level is null
            ? overall.Missing.IsDefaultOrEmpty
                ? "Not rated"
                : $"Not rated: no inspector rating for {string.Join(", ", overall.Missing)}"
            : $"{scale.LabelOf(overall.Level)} (score {overall.Score?.ToString(CultureInfo.InvariantCulture) ?? "–"})";

    public static string Options(PromptResult prompt) =>
        string.Join(", ", prompt.Options.Select(o => $"{o.Option} {Count(o.Count)}"));

    public static string Plural(long count, string one, string many) => count == 1 ? one : many;
}
