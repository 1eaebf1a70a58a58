using System.Collections.Immutable;
using System.Text.Json;

namespace Rules.LanguageServer.Protocol;

public sealed record ExecuteCommandParams(string Command, ImmutableArray<JsonElement>? Arguments = null);
