using Microsoft.Extensions.Logging;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Settings;

/// <summary>Asks the client for the <c>rules</c> section (<c>workspace/configuration</c>) and applies it; waits at most the configured timeout.</summary>
public sealed class ConfigurationPuller(
    ILanguageClient client,
    ServerSettingsStore settings,
    LanguageServerOptions options,
    ILogger<ConfigurationPuller> logger)
{
    public async Task PullAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConfigurationTimeout);
        try
        {
            var values = await client.GetConfigurationAsync(
                new ConfigurationParams([new ConfigurationItem(Section: ServerSettings.SectionName)]), timeout.Token).ConfigureAwait(false);
            if (values.Length > 0) settings.Apply(values[0], "workspace/configuration");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The client did not answer workspace/configuration within {Timeout}; keeping the current settings.", options.ConfigurationTimeout);
        }
        catch (Exception e) when (e is JsonRpc.JsonRpcException or InvalidOperationException)
        {
            logger.LogWarning("workspace/configuration failed: {Message}; keeping the current settings.", e.Message);
        }
    }
}
