using Microsoft.Extensions.Logging;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Settings;

namespace Rules.LanguageServer.Lifecycle;

/// <summary><c>initialized</c>: pulls the <c>rules</c> settings with <c>workspace/configuration</c> when the client supports it.</summary>
[Method(LspMethods.Initialized)]
public sealed class InitializedHandler(
    ClientSession session,
    ConfigurationPuller puller,
    ILogger<InitializedHandler> logger) : IJsonRpcNotificationHandler<InitializedParams>
{
    public async Task Handle(InitializedParams notification, CancellationToken cancellationToken)
    {
        logger.LogDebug("The client is initialized.");
        if (session.SupportsWorkspaceConfiguration) await puller.PullAsync(cancellationToken).ConfigureAwait(false);
    }
}
