using System.Collections.Immutable;

namespace Rules.Benchmarks;

/// <summary>
/// One generated framework: its rules-language text (whole, and split into files of about 10,000
/// lines at domain boundaries) and the same content as JSON.
/// </summary>
public sealed record GeneratedFramework(int Standards, string RulesText, string JsonText, int Lines, ImmutableArray<GeneratedFile> Files);

/// <summary>One file of a generated framework, named relative to the framework's folder.</summary>
public sealed record GeneratedFile(string Name, string Text);
