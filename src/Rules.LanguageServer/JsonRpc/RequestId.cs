using System.Globalization;
using System.Text.Json;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// The id of a JSON-RPC request: an integer or a string (JSON-RPC 2.0 also allows null only in
/// error responses to messages whose id could not be read, which is modelled as a missing id).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(RequestIdJsonConverter))]
public readonly record struct RequestId
{
    public RequestId(long number)
    {
        Number = number;
        String = null;
    }

    public RequestId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Number = null;
        String = value;
    }

    public long? Number { get; }

    public string? String { get; }

    public static implicit operator RequestId(long number) => new(number);

    public static implicit operator RequestId(string value) => new(value);

    /// <summary>Reads an id from a JSON value; false for anything but an integer or a string.</summary>
    public static bool TryRead(JsonElement element, out RequestId id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                id = new RequestId(element.GetString()!);
                return true;
            case JsonValueKind.Number when element.TryGetInt64(out var number):
                id = new RequestId(number);
                return true;
            default:
                id = default;
                return false;
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (String is not null) writer.WriteStringValue(String);
        else writer.WriteNumberValue(Number ?? 0);
    }

    public override string ToString() =>
        String is not null ? "\"" + String + "\"" : (Number ?? 0).ToString(CultureInfo.InvariantCulture);
}
