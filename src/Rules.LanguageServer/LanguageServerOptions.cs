using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer;

/// <summary>How <see cref="LanguageServerProgram.RunAsync(Stream, Stream, TextWriter, LanguageServerOptions, CancellationToken)"/> sets the server up.</summary>
public sealed class LanguageServerOptions
{
    /// <summary>The least severe log entries written to the log writer.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>How often the client process (initialize's processId) is checked.</summary>
    public TimeSpan ClientProcessPollInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long <c>initialized</c> waits for the client's answer to <c>workspace/configuration</c>.</summary>
    public TimeSpan ConfigurationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <see cref="Documents.DocumentWorkScheduler"/> waits after the last change before running work.</summary>
    public TimeSpan DocumentWorkDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Sent in the initialize result.</summary>
    public ServerInfo ServerInfo { get; init; } = new("rules-language-server",
        typeof(LanguageServerOptions).Assembly.GetName().Version?.ToString());

    /// <summary>Adds or replaces services after the built-in ones and the rules features (e.g. test handlers).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
