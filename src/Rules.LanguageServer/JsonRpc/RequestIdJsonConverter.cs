using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>Reads and writes a <see cref="RequestId"/> as a JSON integer or string.</summary>
public sealed class RequestIdJsonConverter : JsonConverter<RequestId>
{
    public override RequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new RequestId(reader.GetString()!);
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number)) return new RequestId(number);
        throw new JsonException("A request id must be an integer or a string.");
    }

    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options) => value.WriteTo(writer);
}
