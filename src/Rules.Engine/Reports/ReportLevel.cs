namespace Rules.Engine.Reports;

/// <summary>A level of the rating scale as the writers show it.</summary>
/// <param name="Name">The level's name as in the report, e.g. <c>requires_improvement</c>.</param>
/// <param name="Label">The label shown to people, e.g. "Requires improvement".</param>
/// <param name="Score">The level's score.</param>
/// <param name="FromPercent">The inclusive lower bound of the percentage of positive cases.</param>
public sealed record ReportLevel(string Name, string Label, int Score, decimal FromPercent);
