using Microsoft.Extensions.Logging;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Lifecycle;

/// <summary>
/// <c>exit</c>: stops the server; the run method returns 0 after <c>shutdown</c>, 1 otherwise. It runs in
/// parallel so that a request still running (e.g. a slow hover) cannot hold it back; stopping cancels such requests.
/// </summary>
[Method(LspMethods.Exit, ProcessType = RequestProcessType.Parallel)]
public sealed class ExitHandler(ServerLifecycle lifecycle, ILogger<ExitHandler> logger) : IJsonRpcNotificationHandler<NoParams>
{
    public Task Handle(NoParams notification, CancellationToken cancellationToken)
    {
        if (!lifecycle.ShutdownReceived) logger.LogWarning("'exit' arrived without 'shutdown' first; the exit code is 1.");
        lifecycle.Stop("the client sent 'exit'");
        return Task.CompletedTask;
    }
}
