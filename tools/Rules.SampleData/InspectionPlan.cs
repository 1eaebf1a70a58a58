using System.Collections.Immutable;

namespace Rules.SampleData;

/// <summary>An inspection in the sample: its name, its share of the cases, and how well it does
/// (a shift, on the log-odds scale, of every answer's chance of being positive).</summary>
public sealed record SampleInspection(string Name, int Weight, double Quality);

/// <summary>
/// The inspections the cases are spread over, each a contiguous run of records. Qualities range from
/// strong to weak so that the standards come out at different levels: mostly Good in the strongest,
/// Inadequate in the weakest, Requires improvement between.
/// </summary>
public static class InspectionPlan
{
    public static readonly ImmutableArray<SampleInspection> Inspections =
    [
        new("gwent-2022", 270, 1.10),
        new("leicestershire-2022", 260, 0.55),
        new("cumbria-2023", 190, -0.90),
        new("north-yorkshire-2023", 250, 0.05),
        new("swansea-2023", 230, -0.35),
        new("kent-2024", 300, 0.30),
    ];

    /// <summary>The inspection of the record at a 0-based index, out of <paramref name="total"/> records.</summary>
    public static SampleInspection At(long index, long total)
    {
        var sum = Inspections.Sum(i => i.Weight);
        var cumulative = 0L;
        foreach (var inspection in Inspections)
        {
            cumulative += inspection.Weight;
            if (index < (total * cumulative + sum - 1) / sum) return inspection;
        }
        return Inspections[^1];
    }
}
