using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rules.LanguageServer.Features;
using Rules.LanguageServer.Hosting;
using Rules.LanguageServer.Logging;

namespace Rules.LanguageServer;

/// <summary>The entry point of <c>rules lsp</c>.</summary>
public static class LanguageServerProgram
{
    /// <summary>
    /// Serves the Language Server Protocol on <paramref name="input"/>/<paramref name="output"/> (for <c>rules lsp</c>:
    /// stdin and stdout) until <c>exit</c>, the end of the input, the client process's death or
    /// <paramref name="cancellationToken"/>. Logs go to <paramref name="log"/> (stderr or a file; never stdout).
    /// Returns the process exit code: 0 if <c>shutdown</c> was received before the end, 1 otherwise.
    /// </summary>
    public static Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken cancellationToken = default) =>
        RunAsync(input, output, log, new LanguageServerOptions(), cancellationToken);

    /// <inheritdoc cref="RunAsync(Stream, Stream, TextWriter, CancellationToken)"/>
    public static async Task<int> RunAsync(
        Stream input, Stream output, TextWriter log, LanguageServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);

        var host = BuildHost(input, output, log, options);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return await host.Services.GetRequiredService<LanguageServerRunner>().RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 1;
        }
        finally
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await host.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            }
            finally
            {
                if (host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                else host.Dispose();
            }
        }
    }

    /// <summary>Builds the host without running it (for tests and tools that want the container).</summary>
    public static IHost BuildHost(Stream input, Stream output, TextWriter log, LanguageServerOptions options)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TextWriterLoggerProvider(log));
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Services.AddLanguageServerInfrastructure(new LanguageServerStreams(input, output), options);
        builder.Services.AddRulesLanguageFeatures();
        options.ConfigureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
