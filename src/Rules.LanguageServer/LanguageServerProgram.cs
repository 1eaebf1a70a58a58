using Microsoft.Extensions.DependencyInjection;
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

        var services = BuildServices(input, output, log, options);
        await using (services.ConfigureAwait(false))
        {
            try
            {
                return await services.GetRequiredService<LanguageServerRunner>().RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 1;
            }
        }
    }

    /// <summary>
    /// Builds the server's service container without running it (for tests and tools that want the container).
    /// A plain <see cref="ServiceCollection"/> rather than a generic host: the server needs dependency injection and
    /// logging only, and building a host (configuration, environment, lifetime) cost a fifth of the time to answer
    /// <c>initialize</c> (docs/performance-lsp.md).
    /// </summary>
    public static ServiceProvider BuildServices(Stream input, Stream output, TextWriter log, LanguageServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);

        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddProvider(new TextWriterLoggerProvider(log));
            logging.SetMinimumLevel(options.MinimumLogLevel);
        });
        services.AddLanguageServerInfrastructure(new LanguageServerStreams(input, output), options);
        services.AddRulesLanguageFeatures();
        options.ConfigureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false, ValidateOnBuild = false });
    }
}
