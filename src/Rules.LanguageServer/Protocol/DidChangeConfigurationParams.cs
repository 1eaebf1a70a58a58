using System.Text.Json;

namespace Rules.LanguageServer.Protocol;

public sealed record DidChangeConfigurationParams(JsonElement? Settings = null);
