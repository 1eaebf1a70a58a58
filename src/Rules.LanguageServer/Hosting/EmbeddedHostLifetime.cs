using Microsoft.Extensions.Hosting;

namespace Rules.LanguageServer.Hosting;

/// <summary>
/// A host lifetime that does nothing: the language server is stopped by <c>exit</c> or the caller's token,
/// not by console signals, and prints no status messages (stdout is the protocol).
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
