using System.Text;
using System.Text.Json;
using Rules.LanguageServer.JsonRpc;

namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>Writes raw bytes (well-framed or not) and reads the other side's frames as JSON.</summary>
public sealed class RawProtocolClient(Stream output, Stream input)
{
    private readonly MessageFrameReader _reader = new(input);

    public async Task SendRawAsync(string text)
    {
        await output.WriteAsync(Encoding.UTF8.GetBytes(text));
        await output.FlushAsync();
    }

    /// <summary>Sends <paramref name="json"/> with a correct Content-Length header.</summary>
    public Task SendAsync(string json) => SendRawAsync(Frame(json));

    public static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        var frame = await _reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        if (frame.Status != FrameReadStatus.Message)
            throw new InvalidOperationException($"Expected a message, got {frame.Status}: {frame.Error}");
        using var document = JsonDocument.Parse(frame.Content);
        return document.RootElement.Clone();
    }

    /// <summary>Receives messages until one has the given id (skipping notifications).</summary>
    public async Task<JsonElement> ReceiveResponseAsync(object? id)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.TryGetProperty("method", out _) && !message.TryGetProperty("id", out _)) continue;
            if (!message.TryGetProperty("id", out var actual)) continue;
            var matches = id switch
            {
                null => actual.ValueKind == JsonValueKind.Null,
                string s => actual.ValueKind == JsonValueKind.String && actual.GetString() == s,
                int n => actual.ValueKind == JsonValueKind.Number && actual.GetInt64() == n,
                _ => false,
            };
            if (matches) return message;
        }
    }

    public static int ErrorCode(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    public static string ErrorMessage(JsonElement response) => response.GetProperty("error").GetProperty("message").GetString()!;
}
