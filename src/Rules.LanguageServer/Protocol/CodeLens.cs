using System.Text.Json;

namespace Rules.LanguageServer.Protocol;

public sealed record CodeLens(Range Range, Command? Command = null, JsonElement? Data = null);
