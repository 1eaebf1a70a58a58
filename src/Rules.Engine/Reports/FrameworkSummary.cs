namespace Rules.Engine.Reports;

/// <summary>The framework evaluated: JSON <c>framework: { name, version }</c>.</summary>
public sealed record FrameworkSummary(string Name, string Version);
