using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Settings;

namespace Rules.LanguageServer.Lifecycle;

/// <summary>
/// <c>initialize</c>: records the client's params in <see cref="ClientSession"/>, reads settings from the
/// initialization options, starts watching the client process, and answers the capabilities: utf-16
/// positions, incremental text sync, and whatever each <see cref="ICapabilityContributor"/> adds.
/// </summary>
[Method(LspMethods.Initialize, ProcessType = RequestProcessType.Serial)]
public sealed class InitializeHandler(
    ClientSession session,
    ServerLifecycle lifecycle,
    ServerSettingsStore settings,
    ClientProcessWatcher watcher,
    LanguageServerOptions options,
    IServiceProvider services,
    ILogger<InitializeHandler> logger) : IJsonRpcRequestHandler<InitializeParams, InitializeResult>
{
    public Task<InitializeResult> Handle(InitializeParams request, CancellationToken cancellationToken)
    {
        session.Initialize(request);
        var client = request.ClientInfo is { } info ? (info.Name + " " + info.Version).TrimEnd() : "an unnamed client";
        logger.LogInformation("Initializing for {Client} (process {ProcessId}, root {Root}).",
            client, request.ProcessId?.ToString() ?? "none", request.RootUri ?? "none");

        settings.Apply(request.InitializationOptions, "initializationOptions");
        if (request.Trace is { } trace) settings.Set(settings.Current with { Trace = trace });

        var capabilities = new ServerCapabilities(
            PositionEncoding: PositionEncodingKind.Utf16,
            TextDocumentSync: new TextDocumentSyncOptions(OpenClose: true, Change: TextDocumentSyncKind.Incremental));
        foreach (var contributor in services.GetServices<ICapabilityContributor>())
            capabilities = contributor.Contribute(capabilities, session);

        if (request.ProcessId is { } processId) watcher.Start(processId);
        lifecycle.MarkInitialized();
        return Task.FromResult(new InitializeResult(capabilities, options.ServerInfo));
    }
}
