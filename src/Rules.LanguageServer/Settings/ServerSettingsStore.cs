using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Rules.LanguageServer.Settings;

/// <summary>
/// The current <see cref="ServerSettings"/>, fed from <c>initializationOptions</c>, <c>workspace/configuration</c>
/// and <c>workspace/didChangeConfiguration</c>. Thread-safe; <see cref="Changed"/> fires after each change.
/// </summary>
public sealed class ServerSettingsStore(ILogger<ServerSettingsStore> logger)
{
    private ServerSettings _current = new();

    public ServerSettings Current => Volatile.Read(ref _current);

    /// <summary>Raised with the new settings whenever they change.</summary>
    public event EventHandler<ServerSettings>? Changed;

    /// <summary>Reads settings from <paramref name="json"/> (see <see cref="SettingsReader"/>) and applies them.</summary>
    public ServerSettings Apply(JsonElement? json, string source)
    {
        var updated = SettingsReader.Read(json, Current, out var problems);
        foreach (var problem in problems) logger.LogWarning("{Source}: {Problem}", source, problem);
        Set(updated);
        return updated;
    }

    public void Set(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var previous = Interlocked.Exchange(ref _current, settings);
        if (previous == settings) return;
        logger.LogDebug("Settings: trace {Trace}, maxNumberOfProblems {Max}.", settings.Trace, settings.MaxNumberOfProblems);
        Changed?.Invoke(this, settings);
    }
}
