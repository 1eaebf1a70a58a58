using Microsoft.Extensions.DependencyInjection;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Lifecycle;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests;

public class LifecycleTests
{
    private static readonly HoverParams SomeHover = new(new TextDocumentIdentifier(LspTestClient.DefaultUri), new Position(0, 0));

    [Fact]
    public async Task Requests_before_initialize_get_ServerNotInitialized()
    {
        await using var client = LspTestClient.Start();
        var error = await client.RequestErrorAsync(LspMethods.Hover, SomeHover);
        Assert.Equal(JsonRpcErrorCodes.ServerNotInitialized, error.Code);
        Assert.Equal(JsonRpcErrorCodes.ServerNotInitialized, (await client.RequestErrorAsync(LspMethods.Shutdown, null)).Code);
    }

    [Fact]
    public async Task Notifications_before_initialize_are_dropped()
    {
        var listener = new RecordingDocumentListener();
        await using var client = LspTestClient.Start(s => s.AddSingleton(listener).AddDocumentChangeListener<RecordingDocumentListener>());
        await client.OpenAsync("early");
        await client.InitializeAsync();
        await client.OpenAsync("late", uri: "file:///workspace/late.rules");
        await client.SyncAsync();
        Assert.Equal(["file:///workspace/late.rules"], listener.Changes.Select(c => c.Uri));
    }

    [Fact]
    public async Task Initialize_answers_the_capabilities_and_server_info()
    {
        await using var client = LspTestClient.Start();
        var result = await client.InitializeAsync();
        Assert.Equal(PositionEncodingKind.Utf16, result.Capabilities.PositionEncoding);
        Assert.Equal(TextDocumentSyncKind.Incremental, result.Capabilities.TextDocumentSync!.Change);
        Assert.True(result.Capabilities.TextDocumentSync.OpenClose);
        Assert.True(result.Capabilities.HoverProvider);
        Assert.NotNull(result.Capabilities.CompletionProvider);
        Assert.NotNull(result.Capabilities.RenameProvider);
        Assert.NotNull(result.Capabilities.SemanticTokensProvider);
        Assert.True(result.Capabilities.DocumentFormattingProvider);
        Assert.True(result.Capabilities.InlayHintProvider);
        Assert.Equal("rules-language-server", result.ServerInfo!.Name);
    }

    [Fact]
    public async Task A_second_initialize_is_an_invalid_request()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        var error = await client.RequestErrorAsync(LspMethods.Initialize, LspTestClient.DefaultInitializeParams());
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, error.Code);
    }

    [Fact]
    public async Task Shutdown_then_exit_ends_with_code_0()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        var result = await client.RequestRawAsync(LspMethods.Shutdown, null);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.ValueKind);
        await client.NotifyAsync(LspMethods.Exit, null);
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.NotifyAsync(LspMethods.Exit, null);
        Assert.Equal(1, await client.WaitForExitAsync());
        Assert.Contains("'exit' arrived without 'shutdown'", client.Log.ToString());
    }

    [Fact]
    public async Task Exit_is_not_held_back_by_a_request_that_never_ends()
    {
        await using var client = await LspTestClient.StartInitializedAsync(s => s.AddLanguageServerHandler<NeverEndingHandler>());
        _ = client.RequestRawAsync("test/never", null);
        await client.NotifyAsync(LspMethods.Exit, null);
        Assert.Equal(1, await client.WaitForExitAsync());
    }

    [Method("test/never")]
    public sealed class NeverEndingHandler : IJsonRpcRequestHandler<NoParams, object?>
    {
        public async Task<object?> Handle(NoParams request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            return null;
        }
    }

    [Fact]
    public async Task Exit_before_initialize_ends_with_code_1()
    {
        await using var client = LspTestClient.Start();
        await client.NotifyAsync(LspMethods.Exit, null);
        Assert.Equal(1, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task Requests_after_shutdown_are_invalid_requests()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        await client.RequestRawAsync(LspMethods.Shutdown, null);
        var error = await client.RequestErrorAsync(LspMethods.Hover, SomeHover);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, error.Code);
        Assert.Contains("shutting down", error.Message);
        await client.NotifyAsync(LspMethods.Exit, null);
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task The_end_of_the_input_stops_the_server_with_code_1_or_0_after_shutdown()
    {
        await using (var client = await LspTestClient.StartInitializedAsync())
        {
            client.CloseServerInput();
            Assert.Equal(1, await client.WaitForExitAsync());
        }

        await using (var client = await LspTestClient.StartInitializedAsync())
        {
            await client.RequestRawAsync(LspMethods.Shutdown, null);
            client.CloseServerInput();
            Assert.Equal(0, await client.WaitForExitAsync());
        }
    }

    [Fact]
    public async Task The_server_stops_when_the_client_process_dies()
    {
        var monitor = new FakeClientProcessMonitor();
        await using var client = LspTestClient.Start(
            s => s.AddSingleton<IClientProcessMonitor>(monitor),
            clientProcessPollInterval: TimeSpan.FromMilliseconds(20));
        await client.InitializeAsync(LspTestClient.DefaultInitializeParams() with { ProcessId = 4242 });
        await Task.Delay(100);
        Assert.False(client.ServerRun.IsCompleted);
        Assert.Equal(4242, monitor.LastCheckedProcessId);

        monitor.Kill();
        Assert.Equal(1, await client.WaitForExitAsync());
        Assert.Contains("client process 4242 has exited", client.Log.ToString());
    }

    [Fact]
    public void The_system_monitor_tells_a_running_process_from_a_missing_one()
    {
        var monitor = new SystemClientProcessMonitor();
        Assert.True(monitor.IsRunning(Environment.ProcessId));
        Assert.False(monitor.IsRunning(int.MaxValue));
    }

    [Fact]
    public async Task Cancelling_the_run_token_stops_the_server()
    {
        using var cancel = new CancellationTokenSource();
        var pipes = new InMemoryDuplex();
        var run = LanguageServerProgram.RunAsync(pipes.ServerInput, pipes.ServerOutput, TextWriter.Null, cancel.Token);
        await Task.Delay(50);
        cancel.Cancel();
        Assert.Equal(1, await run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Logs_go_to_the_log_writer()
    {
        await using var client = await LspTestClient.StartInitializedAsync();
        Assert.Contains("Initializing for test-client 1.0", client.Log.ToString());
    }
}
