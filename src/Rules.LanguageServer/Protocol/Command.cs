using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rules.LanguageServer.Protocol;

/// <summary>A command the client can run; <see cref="CommandName"/> is the JSON <c>command</c> member.</summary>
public sealed record Command(
    string Title,
    [property: JsonPropertyName("command")] string CommandName,
    ImmutableArray<JsonElement>? Arguments = null);
