namespace Rules.Engine.Reports;

/// <summary>How many cases chose one option (in the answer set's order).</summary>
public sealed record OptionCount(string Option, long Count)
{
    /// <summary>The option's label, for human-readable formats (not written to JSON).</summary>
    public string? Label { get; init; }
}
