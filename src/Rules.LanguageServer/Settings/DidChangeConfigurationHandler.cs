using System.Text.Json;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Settings;

/// <summary>
/// <c>workspace/didChangeConfiguration</c>: applies pushed settings, or pulls them again when the client
/// sends none but supports <c>workspace/configuration</c>.
/// </summary>
[Method(LspMethods.DidChangeConfiguration)]
public sealed class DidChangeConfigurationHandler(
    ServerSettingsStore settings,
    ClientSession session,
    ConfigurationPuller puller) : IJsonRpcNotificationHandler<DidChangeConfigurationParams>
{
    public async Task Handle(DidChangeConfigurationParams notification, CancellationToken cancellationToken)
    {
        var pushed = notification.Settings is { ValueKind: JsonValueKind.Object } value
                     && value.TryGetProperty(ServerSettings.SectionName, out var section)
                     && section.ValueKind == JsonValueKind.Object;
        if (pushed) settings.Apply(notification.Settings, LspMethods.DidChangeConfiguration);
        else if (session.SupportsWorkspaceConfiguration) await puller.PullAsync(cancellationToken).ConfigureAwait(false);
        else settings.Apply(notification.Settings, LspMethods.DidChangeConfiguration);
    }
}
