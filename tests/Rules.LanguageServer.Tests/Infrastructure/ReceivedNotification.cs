using System.Text.Json;

namespace Rules.LanguageServer.Tests.Infrastructure;

public sealed record ReceivedNotification(string Method, JsonElement Params);
