using System.Collections.Immutable;
using System.Text.Json;

namespace Rules.Benchmarks;

/// <summary>
/// The JSON form of a generated framework as typed records, so that System.Text.Json's
/// deserializer builds an object model comparable to what the rules compiler builds.
/// </summary>
public sealed record JsonFramework(
    JsonFrameworkHeader Framework,
    ImmutableArray<JsonScale> Scales,
    ImmutableArray<JsonCaseField> Case,
    ImmutableArray<JsonAnswerSet> Answers,
    ImmutableArray<JsonDomain> Domains,
    ImmutableArray<JsonBreakdown> Breakdowns,
    ImmutableArray<JsonTest> Tests)
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
}

public sealed record JsonFrameworkHeader(string Name, string Version, string Scale, ImmutableArray<JsonBand> Overall);

public sealed record JsonBand(string Level, int From);

public sealed record JsonScale(string Name, ImmutableArray<JsonLevel> Levels);

public sealed record JsonLevel(string Name, string Label, int Score, int From);

public sealed record JsonCaseField(string Name, string Label, string Type, ImmutableArray<string>? Values);

public sealed record JsonAnswerSet(string Name, ImmutableArray<JsonOption> Options);

public sealed record JsonOption(string Name, string Label, string? Outcome);

public sealed record JsonDomain(int Number, string Title, ImmutableArray<JsonStandard> Standards);

public sealed record JsonStandard(string Code, string Title, string? When, string Summary, string Rating, string Guidance, ImmutableArray<JsonKeyQuestion> KeyQuestions);

public sealed record JsonKeyQuestion(string Code, string Text, string Answers, string? When, ImmutableArray<JsonPrompt>? Prompts, string? Guidance, ImmutableArray<JsonCheck>? Checks);

public sealed record JsonPrompt(string Letter, string Text, string Answers, string? When);

public sealed record JsonCheck(string Kind, string Message, string When);

public sealed record JsonBreakdown(string Name, string Title, string By, ImmutableArray<JsonGroup> Groups);

public sealed record JsonGroup(string Label, ImmutableArray<string>? Values, int? From, int? To, bool? Value);

public sealed record JsonTest(string Name, Dictionary<string, JsonElement> Case, Dictionary<string, string> Answers, ImmutableArray<JsonExpectation> Expect);

public sealed record JsonExpectation(string Code, string Is);
