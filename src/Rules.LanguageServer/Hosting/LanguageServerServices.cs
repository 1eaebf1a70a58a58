using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rules.LanguageServer.Documents;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Settings;

namespace Rules.LanguageServer.Hosting;

/// <summary>Registers the infrastructure: connection, lifecycle, text sync, settings.</summary>
public static class LanguageServerServices
{
    public static IServiceCollection AddLanguageServerInfrastructure(
        this IServiceCollection services, LanguageServerStreams streams, LanguageServerOptions options)
    {
        services.AddSingleton(streams);
        services.AddSingleton(options);
        services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        services.AddSingleton<ServerLifecycle>();
        services.AddSingleton<ClientSession>();
        services.AddSingleton<IClientProcessMonitor, SystemClientProcessMonitor>();
        services.AddSingleton<ClientProcessWatcher>();
        services.AddSingleton<ServerSettingsStore>();
        services.AddSingleton<ConfigurationPuller>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<DocumentChangeNotifier>();
        services.AddSingleton<DocumentWorkScheduler>();
        services.AddSingleton<ILanguageClient, LanguageClient>();
        services.AddSingleton<LanguageServerRunner>();
        services.AddSingleton(CreateConnection);

        services.AddLanguageServerHandler<InitializeHandler>();
        services.AddLanguageServerHandler<InitializedHandler>();
        services.AddLanguageServerHandler<ShutdownHandler>();
        services.AddLanguageServerHandler<ExitHandler>();
        services.AddLanguageServerHandler<SetTraceHandler>();
        services.AddLanguageServerHandler<DidOpenTextDocumentHandler>();
        services.AddLanguageServerHandler<DidChangeTextDocumentHandler>();
        services.AddLanguageServerHandler<DidCloseTextDocumentHandler>();
        services.AddLanguageServerHandler<DidChangeConfigurationHandler>();
        return services;
    }

    private static JsonRpcConnection CreateConnection(IServiceProvider services)
    {
        var registry = new JsonRpcHandlerRegistry();
        foreach (var registration in services.GetServices<HandlerRegistration>())
        {
            var type = registration.HandlerType;
            registry.Add(type, () => services.GetRequiredService(type), registration.Method, registration.ProcessType);
        }

        var streams = services.GetRequiredService<LanguageServerStreams>();
        var lifecycle = services.GetRequiredService<ServerLifecycle>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Rules.LanguageServer.JsonRpc");
        return new JsonRpcConnection(streams.Input, streams.Output, registry, new JsonRpcConnectionOptions
        {
            SerializerOptions = LspJson.Options,
            Filter = lifecycle.Filter,
            Log = (level, message, exception) => logger.Log(ToLogLevel(level), exception, "{Message}", message),
        });
    }

    private static LogLevel ToLogLevel(JsonRpcLogLevel level) => level switch
    {
        JsonRpcLogLevel.Trace => LogLevel.Trace,
        JsonRpcLogLevel.Debug => LogLevel.Debug,
        JsonRpcLogLevel.Information => LogLevel.Information,
        JsonRpcLogLevel.Warning => LogLevel.Warning,
        _ => LogLevel.Error,
    };
}
