using System.Collections.Immutable;
using System.Text.Json;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Settings;

/// <summary>
/// Reads <see cref="ServerSettings"/> from JSON: either the <c>rules</c> section itself or an object holding
/// it under <c>"rules"</c>. Keys: <c>trace</c> ("off" | "messages" | "verbose", or <c>{ "server": ... }</c>)
/// and <c>maxNumberOfProblems</c> (a non-negative integer). Bad values keep the previous value and are reported.
/// </summary>
public static class SettingsReader
{
    public static ServerSettings Read(JsonElement? json, ServerSettings current, out ImmutableArray<string> problems)
    {
        var found = ImmutableArray.CreateBuilder<string>();
        problems = [];
        if (json is not { ValueKind: JsonValueKind.Object } element)
        {
            if (json is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } other)
                problems = [$"Settings must be a JSON object, not {other.ValueKind}; they were ignored."];
            return current;
        }

        if (element.TryGetProperty(ServerSettings.SectionName, out var section) && section.ValueKind == JsonValueKind.Object)
            element = section;

        var result = current with { Section = element };
        if (element.TryGetProperty("trace", out var trace))
        {
            var value = trace.ValueKind == JsonValueKind.Object && trace.TryGetProperty("server", out var server) ? server : trace;
            if (value.ValueKind == JsonValueKind.String && value.GetString() is TraceValue.Off or TraceValue.Messages or TraceValue.Verbose)
                result = result with { Trace = value.GetString()! };
            else
                found.Add($"Setting 'rules.trace' must be \"off\", \"messages\" or \"verbose\", not {value.GetRawText()}; keeping \"{current.Trace}\".");
        }

        if (element.TryGetProperty("maxNumberOfProblems", out var max))
        {
            if (max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var count) && count >= 0)
                result = result with { MaxNumberOfProblems = count };
            else
                found.Add($"Setting 'rules.maxNumberOfProblems' must be a non-negative integer, not {max.GetRawText()}; keeping {current.MaxNumberOfProblems}.");
        }

        problems = found.ToImmutable();
        return result;
    }
}
