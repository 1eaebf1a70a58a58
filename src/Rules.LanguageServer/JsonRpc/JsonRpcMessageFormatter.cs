using System.Buffers;
using System.Text.Json;

namespace Rules.LanguageServer.JsonRpc;

/// <summary>
/// Turns message bodies (UTF-8 JSON) into <see cref="JsonRpcMessage"/>s and back. Validation follows
/// JSON-RPC 2.0: anything that is not a well-formed request, notification or response yields an error
/// to answer with instead of an exception.
/// </summary>
public sealed class JsonRpcMessageFormatter
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public JsonRpcMessageFormatter(JsonSerializerOptions serializerOptions)
    {
        ArgumentNullException.ThrowIfNull(serializerOptions);
        SerializerOptions = serializerOptions;
    }

    /// <summary>The options used for params and results.</summary>
    public JsonSerializerOptions SerializerOptions { get; }

    public JsonRpcParseResult Parse(ReadOnlyMemory<byte> body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return JsonRpcParseResult.Failure(JsonRpcErrorCodes.ParseError,
                $"The message is not valid JSON: {e.Message}");
        }

        if (root.ValueKind == JsonValueKind.Array)
            return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                "Batch messages (JSON arrays) are not supported by the Language Server Protocol.");
        if (root.ValueKind != JsonValueKind.Object)
            return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                $"A JSON-RPC message must be a JSON object, not {Describe(root.ValueKind)}.");

        RequestId? id = null;
        var hasId = root.TryGetProperty("id", out var idElement);
        if (hasId && idElement.ValueKind != JsonValueKind.Null)
        {
            if (!RequestId.TryRead(idElement, out var readId))
                return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                    $"The message id must be an integer or a string, not {Describe(idElement.ValueKind)}.");
            id = readId;
        }

        if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String
            || version.GetString() != "2.0")
            return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                "The message must have \"jsonrpc\": \"2.0\".", id);

        if (root.TryGetProperty("method", out var methodElement))
        {
            if (methodElement.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(methodElement.GetString()))
                return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                    "The message's \"method\" must be a non-empty string.", id);
            var method = methodElement.GetString()!;

            JsonElement? parameters = null;
            if (root.TryGetProperty("params", out var paramsElement) && paramsElement.ValueKind != JsonValueKind.Null)
            {
                if (paramsElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                    return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                        $"The \"params\" of '{method}' must be an object or an array, not {Describe(paramsElement.ValueKind)}.", id);
                parameters = paramsElement;
            }

            if (!hasId) return JsonRpcParseResult.Success(new JsonRpcNotification(method, parameters));
            if (id is null)
                return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                    $"The request '{method}' has a null id.");
            return JsonRpcParseResult.Success(new JsonRpcRequest(id.Value, method, parameters));
        }

        var hasResult = root.TryGetProperty("result", out var result);
        var hasError = root.TryGetProperty("error", out var errorElement);
        if (!hasResult && !hasError)
            return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                "The message has neither \"method\" (request or notification) nor \"result\"/\"error\" (response).", id);
        if (hasResult && hasError)
            return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                "A response must not have both \"result\" and \"error\".", id);

        if (hasResult) return JsonRpcParseResult.Success(new JsonRpcResponse(id, result, null));

        if (errorElement.ValueKind != JsonValueKind.Object
            || !errorElement.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number
            || !code.TryGetInt32(out var codeValue))
            return JsonRpcParseResult.Failure(JsonRpcErrorCodes.InvalidRequest,
                "A response's \"error\" must be an object with an integer \"code\".", id);
        var message = errorElement.TryGetProperty("message", out var messageElement)
                      && messageElement.ValueKind == JsonValueKind.String
            ? messageElement.GetString()!
            : "(no message)";
        JsonElement? data = errorElement.TryGetProperty("data", out var dataElement) ? dataElement : null;
        return JsonRpcParseResult.Success(new JsonRpcResponse(id, null, new ResponseError(codeValue, message, data)));
    }

    public byte[] FormatRequest(RequestId id, string method, object? parameters) =>
        Write(writer =>
        {
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteString("method", method);
            WriteParams(writer, parameters);
        });

    public byte[] FormatNotification(string method, object? parameters) =>
        Write(writer =>
        {
            writer.WriteString("method", method);
            WriteParams(writer, parameters);
        });

    /// <summary>A success response; a null <paramref name="result"/> is written as <c>"result": null</c>.</summary>
    public byte[] FormatResult(RequestId id, object? result, Type? resultType = null) =>
        Write(writer =>
        {
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WritePropertyName("result");
            if (result is null) writer.WriteNullValue();
            else JsonSerializer.Serialize(writer, result, resultType ?? result.GetType(), SerializerOptions);
        });

    /// <summary>An error response; a null <paramref name="id"/> is written as <c>"id": null</c>.</summary>
    public byte[] FormatError(RequestId? id, ResponseError error) =>
        Write(writer =>
        {
            writer.WritePropertyName("id");
            if (id is { } value) value.WriteTo(writer);
            else writer.WriteNullValue();
            writer.WriteStartObject("error");
            writer.WriteNumber("code", error.Code);
            writer.WriteString("message", error.Message);
            if (error.Data is { } data)
            {
                writer.WritePropertyName("data");
                data.WriteTo(writer);
            }
            writer.WriteEndObject();
        });

    /// <summary>Reads params or a result into <paramref name="type"/>; throws <see cref="JsonException"/> when they do not fit.</summary>
    public object? Deserialize(JsonElement element, Type type) => element.Deserialize(type, SerializerOptions);

    private void WriteParams(Utf8JsonWriter writer, object? parameters)
    {
        if (parameters is null) return;
        writer.WritePropertyName("params");
        JsonSerializer.Serialize(writer, parameters, parameters.GetType(), SerializerOptions);
    }

    private byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SerializerOptions.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
