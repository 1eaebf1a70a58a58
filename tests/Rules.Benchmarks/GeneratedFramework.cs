namespace Rules.Benchmarks;

/// <summary>One generated framework: its rules-language text and the same content as JSON.</summary>
public sealed record GeneratedFramework(int Standards, string RulesText, string JsonText, int Lines);
