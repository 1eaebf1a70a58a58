using System.Collections.Immutable;
using System.Text.Json;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Settings;

namespace Rules.LanguageServer;

internal sealed class LanguageClient(JsonRpcConnection connection, ServerSettingsStore settings) : ILanguageClient
{
    public Task PublishDiagnosticsAsync(PublishDiagnosticsParams parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var max = settings.Current.MaxNumberOfProblems;
        var limited = parameters.Diagnostics.IsDefault ? parameters with { Diagnostics = [] }
            : parameters.Diagnostics.Length > max ? parameters with { Diagnostics = parameters.Diagnostics[..max] }
            : parameters;
        return connection.SendNotificationAsync(LspMethods.PublishDiagnostics, limited, cancellationToken);
    }

    public Task LogMessageAsync(MessageType type, string message, CancellationToken cancellationToken = default) =>
        connection.SendNotificationAsync(LspMethods.LogMessage, new LogMessageParams(type, message), cancellationToken);

    public Task ShowMessageAsync(MessageType type, string message, CancellationToken cancellationToken = default) =>
        connection.SendNotificationAsync(LspMethods.ShowMessage, new ShowMessageParams(type, message), cancellationToken);

    public async Task<ImmutableArray<JsonElement>> GetConfigurationAsync(ConfigurationParams parameters, CancellationToken cancellationToken = default)
    {
        var result = await connection.SendRequestAsync<ImmutableArray<JsonElement>?>(
            LspMethods.WorkspaceConfiguration, parameters, cancellationToken).ConfigureAwait(false);
        return result ?? [];
    }

    public Task<TResult?> SendRequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken = default) =>
        connection.SendRequestAsync<TResult>(method, parameters, cancellationToken);

    public Task SendNotificationAsync(string method, object? parameters, CancellationToken cancellationToken = default) =>
        connection.SendNotificationAsync(method, parameters, cancellationToken);
}
