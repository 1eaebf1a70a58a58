using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Tests.Infrastructure;

/// <summary>
/// An in-process LSP client talking to a real server (<see cref="LanguageServerProgram.RunAsync(Stream, Stream, TextWriter, LanguageServerOptions, CancellationToken)"/>)
/// over in-memory pipes. Sends requests and notifications, answers <c>workspace/configuration</c>, and
/// collects the server's notifications in <see cref="Notifications"/>.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    public const string DefaultUri = "file:///workspace/test.rules";

    private readonly InMemoryDuplex _pipes = new();
    private readonly JsonRpcConnection _connection;
    private readonly Task<JsonRpcEndReason> _clientRun;
    private readonly CancellationTokenSource _stopServer = new();

    private LspTestClient(LanguageServerOptions options, Func<ConfigurationParams, object?>? configuration)
    {
        var handlers = new JsonRpcHandlerRegistry();
        foreach (var method in new[] { LspMethods.PublishDiagnostics, LspMethods.LogMessage, LspMethods.ShowMessage, LspMethods.LogTrace, "test/event" })
            handlers.OnNotification<JsonElement>(method, (p, _) =>
            {
                Notifications.Add(new ReceivedNotification(method, p));
                return Task.CompletedTask;
            });
        handlers.OnRequest<ConfigurationParams, object?>(LspMethods.WorkspaceConfiguration, (p, _) =>
        {
            ConfigurationRequests.Add(p);
            return Task.FromResult(configuration?.Invoke(p));
        });

        _connection = new JsonRpcConnection(_pipes.ClientInput, _pipes.ClientOutput, handlers,
            new JsonRpcConnectionOptions { SerializerOptions = LspJson.Options });
        _clientRun = _connection.RunAsync();
        ServerRun = Task.Run(() => LanguageServerProgram.RunAsync(
            _pipes.ServerInput, _pipes.ServerOutput, Log, options, _stopServer.Token));
    }

    /// <summary>The server's run: completes with its exit code.</summary>
    public Task<int> ServerRun { get; }

    public SynchronizedStringWriter Log { get; } = new();

    public NotificationInbox Notifications { get; } = new();

    public List<ConfigurationParams> ConfigurationRequests { get; } = [];

    /// <summary>
    /// Starts a server. <paramref name="configureServices"/> adds handlers or replaces services;
    /// <paramref name="configuration"/> answers the server's <c>workspace/configuration</c> requests.
    /// </summary>
    public static LspTestClient Start(
        Action<IServiceCollection>? configureServices = null,
        Func<ConfigurationParams, object?>? configuration = null,
        TimeSpan? clientProcessPollInterval = null) =>
        new(new LanguageServerOptions
        {
            MinimumLogLevel = LogLevel.Debug,
            ConfigureServices = configureServices,
            ClientProcessPollInterval = clientProcessPollInterval ?? TimeSpan.FromSeconds(3),
            ConfigurationTimeout = TimeSpan.FromSeconds(2),
        }, configuration);

    /// <summary>Starts a server with the given options (e.g. no debounce delay, for the performance harness).</summary>
    public static LspTestClient Start(LanguageServerOptions options) => new(options, null);

    /// <summary>Starts a server and completes the initialize handshake.</summary>
    public static async Task<LspTestClient> StartInitializedAsync(
        Action<IServiceCollection>? configureServices = null,
        InitializeParams? initialize = null,
        Func<ConfigurationParams, object?>? configuration = null)
    {
        var client = Start(configureServices, configuration);
        await client.InitializeAsync(initialize);
        return client;
    }

    public InitializeResult? InitializeResult { get; private set; }

    /// <summary>Sends <c>initialize</c> (with a typical editor's capabilities unless given) and <c>initialized</c>.</summary>
    public async Task<InitializeResult> InitializeAsync(InitializeParams? parameters = null)
    {
        parameters ??= DefaultInitializeParams();
        InitializeResult = await RequestAsync<InitializeResult>(LspMethods.Initialize, parameters)
                           ?? throw new InvalidOperationException("initialize returned null.");
        await NotifyAsync(LspMethods.Initialized, new InitializedParams());
        return InitializeResult;
    }

    public static InitializeParams DefaultInitializeParams() => new(
        ProcessId: null,
        ClientInfo: new ClientInfo("test-client", "1.0"),
        RootUri: "file:///workspace",
        Capabilities: new ClientCapabilities(
            TextDocument: new TextDocumentClientCapabilities(
                Hover: new HoverClientCapabilities([MarkupKind.Markdown, MarkupKind.PlainText]),
                PublishDiagnostics: new PublishDiagnosticsClientCapabilities(RelatedInformation: true, VersionSupport: true))),
        WorkspaceFolders: [new WorkspaceFolder("file:///workspace", "workspace")]);

    public Task<TResult?> RequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken = default) =>
        WithTimeout(_connection.SendRequestAsync<TResult>(method, parameters, cancellationToken));

    public Task<JsonElement> RequestRawAsync(string method, object? parameters, CancellationToken cancellationToken = default) =>
        WithTimeout(_connection.SendRequestAsync(method, parameters, cancellationToken));

    /// <summary>Sends a request expected to fail and returns its error.</summary>
    public async Task<JsonRpcException> RequestErrorAsync(string method, object? parameters)
    {
        try
        {
            var result = await RequestRawAsync(method, parameters);
            throw new InvalidOperationException($"'{method}' succeeded with {result.GetRawText()} instead of failing.");
        }
        catch (JsonRpcException e)
        {
            return e;
        }
    }

    /// <summary>
    /// Waits until the server has processed everything sent before (document notifications are serial,
    /// so a request sent after them is dispatched only once they are done).
    /// </summary>
    public async Task SyncAsync()
    {
        var error = await RequestErrorAsync("$/test/sync", null);
        if (error.Code != JsonRpcErrorCodes.MethodNotFound)
            throw new InvalidOperationException($"Sync expected MethodNotFound, got {error.Code}: {error.Message}");
    }

    public Task NotifyAsync(string method, object? parameters) => _connection.SendNotificationAsync(method, parameters);

    public Task OpenAsync(string text, string uri = DefaultUri, int version = 1, string languageId = "rules") =>
        NotifyAsync(LspMethods.DidOpen, new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, version, text)));

    public Task ChangeAsync(int version, IEnumerable<TextDocumentContentChangeEvent> changes, string uri = DefaultUri) =>
        NotifyAsync(LspMethods.DidChange, new DidChangeTextDocumentParams(
            new VersionedTextDocumentIdentifier(uri, version), changes.ToImmutableArray()));

    public Task CloseAsync(string uri = DefaultUri) =>
        NotifyAsync(LspMethods.DidClose, new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));

    /// <summary>Sends <c>shutdown</c> and <c>exit</c> and returns the server's exit code.</summary>
    public async Task<int> ShutdownAndExitAsync()
    {
        await RequestRawAsync(LspMethods.Shutdown, null);
        await NotifyAsync(LspMethods.Exit, null);
        return await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null) =>
        await ServerRun.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Ends the server's input, as an editor that closed the pipe.</summary>
    public void CloseServerInput() => _pipes.CloseServerInput();

    public async ValueTask DisposeAsync()
    {
        _stopServer.Cancel();
        _pipes.CloseServerInput();
        try
        {
            await ServerRun.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }

        _pipes.CloseClientInput();
        await _connection.DisposeAsync();
        await _clientRun.WaitAsync(TimeSpan.FromSeconds(10));
        _stopServer.Dispose();
    }

    private static Task<T> WithTimeout<T>(Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(10));
}
