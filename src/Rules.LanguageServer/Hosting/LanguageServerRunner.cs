using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;

namespace Rules.LanguageServer.Hosting;

/// <summary>Runs the connection until exit, end of input, a dead client process or cancellation; returns the exit code.</summary>
public sealed class LanguageServerRunner(
    JsonRpcConnection connection,
    ServerLifecycle lifecycle,
    IHostApplicationLifetime applicationLifetime,
    ILogger<LanguageServerRunner> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken, lifecycle.StopRequested, applicationLifetime.ApplicationStopping);
        logger.LogInformation("The language server is running.");
        var reason = await connection.RunAsync(stop.Token).ConfigureAwait(false);
        var why = lifecycle.StopReason
                  ?? (reason == JsonRpcEndReason.EndOfStream ? "the input ended" : reason.ToString().ToLowerInvariant());
        lifecycle.Stop(why);
        logger.LogInformation("The language server stopped ({Reason}); exit code {ExitCode}.", why, lifecycle.ExitCode);
        return lifecycle.ExitCode;
    }
}
