using System.Text.Json;

namespace Rules.LanguageServer.JsonRpc;

public sealed class JsonRpcConnectionOptions
{
    /// <summary>Options for params and results; default: camelCase web defaults without null members.</summary>
    public JsonSerializerOptions SerializerOptions { get; init; } = DefaultSerializerOptions();

    public int MaxContentLength { get; init; } = MessageFrameReader.DefaultMaxContentLength;

    /// <summary>
    /// Consulted, in arrival order, for each incoming request and notification before it is dispatched
    /// (after every earlier serial message finished). Not consulted for <c>$/cancelRequest</c> or responses.
    /// </summary>
    public Func<IncomingCall, JsonRpcFilterDecision>? Filter { get; init; }

    /// <summary>Where protocol problems and traffic traces go; nothing is logged when null.</summary>
    public Action<JsonRpcLogLevel, string, Exception?>? Log { get; init; }

    /// <summary>How long, once stopping, to wait for running handlers to finish.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public static JsonSerializerOptions DefaultSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
