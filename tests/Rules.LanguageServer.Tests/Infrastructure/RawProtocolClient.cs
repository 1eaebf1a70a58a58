using System.Text;
using System.Text.Json;
using Rules.LanguageServer.JsonRpc;

namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>Writes raw bytes (well-framed or not) and reads the other side's frames as JSON.</summary>
public sealed class RawProtocolClient(Stream output, Stream input)
{
    private readonly MessageFrameReader _reader = new(input);
    private readonly List<JsonElement> _stash = [];

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

    /// <summary>
    /// Receives the response with the given id (null: an error about an unreadable id). Messages read on
    /// the way are kept for later calls, so responses may arrive in any order.
    /// </summary>
    public async Task<JsonElement> ReceiveResponseAsync(object? id)
    {
        var index = _stash.FindIndex(m => IsResponseTo(m, id));
        if (index >= 0)
        {
            var found = _stash[index];
            _stash.RemoveAt(index);
            return found;
        }

        while (true)
        {
            var message = await ReceiveAsync();
            if (IsResponseTo(message, id)) return message;
            _stash.Add(message);
        }
    }

    private static bool IsResponseTo(JsonElement message, object? id)
    {
        if (message.TryGetProperty("method", out _) || !message.TryGetProperty("id", out var actual)) return false;
        return id switch
        {
            null => actual.ValueKind == JsonValueKind.Null,
            string s => actual.ValueKind == JsonValueKind.String && actual.GetString() == s,
            int n => actual.ValueKind == JsonValueKind.Number && actual.GetInt64() == n,
            _ => false,
        };
    }

    public static int ErrorCode(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    public static string ErrorMessage(JsonElement response) => response.GetProperty("error").GetProperty("message").GetString()!;
}
