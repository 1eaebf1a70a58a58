using Microsoft.Extensions.Logging;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Lifecycle;

/// <summary><c>shutdown</c>: answers null; afterwards requests get InvalidRequest and <c>exit</c> ends with code 0.</summary>
[Method(LspMethods.Shutdown, ProcessType = RequestProcessType.Serial)]
public sealed class ShutdownHandler(ServerLifecycle lifecycle, ILogger<ShutdownHandler> logger)
    : IJsonRpcRequestHandler<NoParams, object?>
{
    public Task<object?> Handle(NoParams request, CancellationToken cancellationToken)
    {
        logger.LogInformation("Shutting down.");
        lifecycle.MarkShutdown();
        return Task.FromResult<object?>(null);
    }
}
