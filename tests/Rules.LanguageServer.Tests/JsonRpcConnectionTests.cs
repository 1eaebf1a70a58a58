using System.Collections.Concurrent;
using System.Text.Json;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests;

public sealed class JsonRpcConnectionTests : IAsyncLifetime
{
    private readonly InMemoryDuplex _pipes = new();
    private readonly JsonRpcHandlerRegistry _handlers = new();
    private readonly ConcurrentQueue<string> _log = new();
    private JsonRpcConnection? _server;
    private Task<JsonRpcEndReason>? _run;
    private RawProtocolClient? _client;

    public sealed record EchoParams(string Text);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _pipes.CloseServerInput();
        if (_server is not null)
        {
            _server.Stop();
            await _run!.WaitAsync(TimeSpan.FromSeconds(10));
            await _server.DisposeAsync();
        }
    }

    private RawProtocolClient Start(Func<IncomingCall, JsonRpcFilterDecision>? filter = null)
    {
        _server = new JsonRpcConnection(_pipes.ServerInput, _pipes.ServerOutput, _handlers, new JsonRpcConnectionOptions
        {
            SerializerOptions = LspJson.Options,
            Filter = filter,
            Log = (level, message, _) => _log.Enqueue($"{level}: {message}"),
        });
        _run = _server.RunAsync();
        _client = new RawProtocolClient(_pipes.ClientOutput, _pipes.ClientInput);
        return _client;
    }

    private static string Request(object id, string method, string? parameters = null) =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{JsonSerializer.Serialize(id)},\"method\":\"{method}\"{(parameters is null ? "" : ",\"params\":" + parameters)}}}";

    private static string Notification(string method, string? parameters = null) =>
        $"{{\"jsonrpc\":\"2.0\",\"method\":\"{method}\"{(parameters is null ? "" : ",\"params\":" + parameters)}}}";

    [Fact]
    public async Task Answers_a_request_with_its_result()
    {
        _handlers.OnRequest<EchoParams, string>("echo", (p, _) => Task.FromResult(p.Text + "!"));
        var client = Start();
        await client.SendAsync(Request(1, "echo", """{"text":"“hi” 😀"}"""));
        var response = await client.ReceiveResponseAsync(1);
        Assert.Equal("“hi” 😀!", response.GetProperty("result").GetString());
        Assert.Equal("2.0", response.GetProperty("jsonrpc").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_answered_with_ParseError_and_the_connection_keeps_running()
    {
        _handlers.OnRequest<EchoParams, string>("echo", (p, _) => Task.FromResult(p.Text));
        var client = Start();
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        var error = await client.ReceiveResponseAsync(null);
        Assert.Equal(JsonRpcErrorCodes.ParseError, RawProtocolClient.ErrorCode(error));

        await client.SendAsync(Request(2, "echo", """{"text":"still here"}"""));
        Assert.Equal("still here", (await client.ReceiveResponseAsync(2)).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Broken_framing_is_answered_with_ParseError_and_the_connection_recovers()
    {
        _handlers.OnRequest<EchoParams, string>("echo", (p, _) => Task.FromResult(p.Text));
        var client = Start();
        await client.SendRawAsync("Content-Length: banana\r\n\r\n{}");
        var error = await client.ReceiveResponseAsync(null);
        Assert.Equal(JsonRpcErrorCodes.ParseError, RawProtocolClient.ErrorCode(error));
        Assert.Contains("banana", RawProtocolClient.ErrorMessage(error));

        await client.SendAsync(Request(3, "echo", """{"text":"ok"}"""));
        Assert.Equal("ok", (await client.ReceiveResponseAsync(3)).GetProperty("result").GetString());
    }

    [Fact]
    public async Task An_invalid_request_is_answered_with_InvalidRequest_and_its_id()
    {
        var client = Start();
        await client.SendAsync("""{"jsonrpc":"2.0","id":9,"method":["not","a","string"]}""");
        var error = await client.ReceiveResponseAsync(9);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, RawProtocolClient.ErrorCode(error));

        await client.SendAsync("""{"id":10,"method":"m"}""");
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, RawProtocolClient.ErrorCode(await client.ReceiveResponseAsync(10)));
    }

    [Fact]
    public async Task Unknown_requests_get_MethodNotFound_unknown_notifications_are_ignored()
    {
        _handlers.OnRequest<EchoParams, string>("echo", (p, _) => Task.FromResult(p.Text));
        var client = Start();
        await client.SendAsync(Notification("no/such/notification"));
        await client.SendAsync(Notification("$/progress", """{"token":1,"value":{}}"""));
        await client.SendAsync(Request("r1", "no/such/request"));
        var error = await client.ReceiveResponseAsync("r1");
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, RawProtocolClient.ErrorCode(error));
        Assert.Contains("no/such/request", RawProtocolClient.ErrorMessage(error));

        await client.SendAsync(Request("$1", "$/unknownRequest"));
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, RawProtocolClient.ErrorCode(await client.ReceiveResponseAsync("$1")));

        await client.SendAsync(Request(2, "echo", """{"text":"after"}"""));
        Assert.Equal("after", (await client.ReceiveResponseAsync(2)).GetProperty("result").GetString());
        Assert.Contains(_log, l => l.Contains("Ignored the notification 'no/such/notification'"));
        Assert.DoesNotContain(_log, l => l.Contains("$/progress") && l.StartsWith("Information"));
    }

    [Fact]
    public async Task Params_that_do_not_fit_get_InvalidParams()
    {
        _handlers.OnRequest<EchoParams, string>("echo", (p, _) => Task.FromResult(p.Text));
        var client = Start();
        await client.SendAsync(Request(1, "echo", """{"text":42}"""));
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, RawProtocolClient.ErrorCode(await client.ReceiveResponseAsync(1)));
        await client.SendAsync(Request(2, "echo", "{}"));
        var missing = await client.ReceiveResponseAsync(2);
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, RawProtocolClient.ErrorCode(missing));
        Assert.Contains("text", RawProtocolClient.ErrorMessage(missing));
        await client.SendAsync(Request(3, "echo"));
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, RawProtocolClient.ErrorCode(await client.ReceiveResponseAsync(3)));
    }

    [Fact]
    public async Task Handler_failures_become_InternalError_or_the_code_they_throw()
    {
        _handlers.OnRequest<NoParams, string>("crash", (_, _) => throw new InvalidOperationException("boom"));
        _handlers.OnRequest<NoParams, string>("stale", (_, _) =>
            throw new JsonRpcException(JsonRpcErrorCodes.ContentModified, "The document changed."));
        var client = Start();
        await client.SendAsync(Request(1, "crash"));
        var crash = await client.ReceiveResponseAsync(1);
        Assert.Equal(JsonRpcErrorCodes.InternalError, RawProtocolClient.ErrorCode(crash));
        Assert.Contains("boom", RawProtocolClient.ErrorMessage(crash));
        await client.SendAsync(Request(2, "stale"));
        Assert.Equal(JsonRpcErrorCodes.ContentModified, RawProtocolClient.ErrorCode(await client.ReceiveResponseAsync(2)));
    }

    [Fact]
    public async Task A_cancelled_request_is_answered_with_RequestCancelled()
    {
        var started = new TaskCompletionSource();
        _handlers.OnRequest<NoParams, string>("slow", async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        });
        var client = Start();
        await client.SendAsync(Request(5, "slow"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.SendAsync(Notification("$/cancelRequest", """{"id":5}"""));
        var response = await client.ReceiveResponseAsync(5);
        Assert.Equal(JsonRpcErrorCodes.RequestCancelled, RawProtocolClient.ErrorCode(response));
    }

    [Fact]
    public async Task A_request_cancelled_while_queued_is_not_run()
    {
        var release = new TaskCompletionSource();
        var ran = false;
        _handlers.OnNotification<NoParams>("block", async (_, _) => await release.Task);
        _handlers.OnRequest<NoParams, string>("work", (_, _) =>
        {
            ran = true;
            return Task.FromResult("done");
        });
        var client = Start();
        await client.SendAsync(Notification("block"));
        await client.SendAsync(Request(1, "work"));
        await client.SendAsync(Notification("$/cancelRequest", """{"id":1}"""));
        await Task.Delay(100);
        release.SetResult();
        Assert.Equal(JsonRpcErrorCodes.RequestCancelled, RawProtocolClient.ErrorCode(await client.ReceiveResponseAsync(1)));
        Assert.False(ran);
    }

    [Fact]
    public async Task Notifications_run_in_order_and_later_requests_see_their_effects()
    {
        var seen = new List<int>();
        _handlers.OnNotification<JsonElement>("add", async (p, _) =>
        {
            var n = p.GetProperty("n").GetInt32();
            await Task.Delay(n % 3); // finish out of order if they ran concurrently
            lock (seen) seen.Add(n);
        });
        _handlers.OnRequest<NoParams, int[]>("seen", (_, _) =>
        {
            lock (seen) return Task.FromResult(seen.ToArray());
        });
        var client = Start();
        for (var i = 0; i < 20; i++) await client.SendAsync(Notification("add", $"{{\"n\":{i}}}"));
        await client.SendAsync(Request(1, "seen"));
        var result = (await client.ReceiveResponseAsync(1)).GetProperty("result").EnumerateArray().Select(e => e.GetInt32());
        Assert.Equal(Enumerable.Range(0, 20), result);
    }

    [Fact]
    public async Task Parallel_requests_run_concurrently()
    {
        var arrived = 0;
        var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handlers.OnRequest<NoParams, bool>("meet", async (_, _) =>
        {
            if (Interlocked.Increment(ref arrived) == 2) bothArrived.SetResult();
            // Completes only if the other request runs at the same time.
            return await Task.WhenAny(bothArrived.Task, Task.Delay(TimeSpan.FromSeconds(5))) == bothArrived.Task;
        });
        var client = Start();
        await client.SendAsync(Request(1, "meet"));
        await client.SendAsync(Request(2, "meet"));
        Assert.True((await client.ReceiveResponseAsync(1)).GetProperty("result").GetBoolean());
        Assert.True((await client.ReceiveResponseAsync(2)).GetProperty("result").GetBoolean());
    }

    [Fact]
    public async Task A_serial_notification_waits_for_running_requests()
    {
        var events = new ConcurrentQueue<string>();
        var release = new TaskCompletionSource();
        _handlers.OnRequest<NoParams, string>("read", async (_, _) =>
        {
            events.Enqueue("read started");
            await release.Task;
            events.Enqueue("read finished");
            return "r";
        });
        _handlers.OnNotification<NoParams>("write", (_, _) =>
        {
            events.Enqueue("write");
            return Task.CompletedTask;
        });
        _handlers.OnRequest<NoParams, string>("probe", (_, _) => Task.FromResult("p"));
        var client = Start();
        await client.SendAsync(Request(1, "read"));
        await client.SendAsync(Notification("write"));
        await client.SendAsync(Request(2, "probe"));
        await Task.Delay(100);
        Assert.Equal(["read started"], events);
        release.SetResult();
        await client.ReceiveResponseAsync(2);
        Assert.Equal(["read started", "read finished", "write"], events);
    }

    [Fact]
    public async Task A_handler_can_ask_the_client_and_await_its_answer()
    {
        _handlers.OnRequest<NoParams, string>("ask", async (_, ct) =>
        {
            var answer = await _server!.SendRequestAsync<string>("client/question", new EchoParams("name?"), ct);
            return "client said " + answer;
        }, RequestProcessType.Serial);
        var client = Start();
        await client.SendAsync(Request(1, "ask"));
        var question = await client.ReceiveAsync();
        Assert.Equal("client/question", question.GetProperty("method").GetString());
        Assert.Equal("name?", question.GetProperty("params").GetProperty("text").GetString());
        var id = question.GetProperty("id").GetInt64();
        await client.SendAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":\"Ada\"}}");
        Assert.Equal("client said Ada", (await client.ReceiveResponseAsync(1)).GetProperty("result").GetString());
    }

    [Fact]
    public async Task An_error_answer_from_the_client_is_thrown_to_the_caller()
    {
        _handlers.OnRequest<NoParams, int>("ask", async (_, ct) =>
        {
            try
            {
                await _server!.SendRequestAsync<string>("client/question", null, ct);
                return 0;
            }
            catch (JsonRpcException e)
            {
                return e.Code;
            }
        });
        var client = Start();
        await client.SendAsync(Request(1, "ask"));
        var question = await client.ReceiveAsync();
        var id = question.GetProperty("id").GetInt64();
        await client.SendAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":-32601,\"message\":\"no\"}}}}");
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, (await client.ReceiveResponseAsync(1)).GetProperty("result").GetInt32());
    }

    [Fact]
    public async Task Sends_notifications_to_the_client()
    {
        var client = Start();
        await _server!.SendNotificationAsync(LspMethods.LogMessage, new LogMessageParams(MessageType.Warning, "careful"));
        var message = await client.ReceiveAsync();
        Assert.Equal("""{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":2,"message":"careful"}}""", message.GetRawText());
    }

    [Fact]
    public async Task A_filter_rejects_requests_and_drops_notifications()
    {
        var notified = false;
        _handlers.OnRequest<NoParams, string>("open", (_, _) => Task.FromResult("yes"));
        _handlers.OnRequest<NoParams, string>("closed", (_, _) => Task.FromResult("no"));
        _handlers.OnNotification<NoParams>("note", (_, _) =>
        {
            notified = true;
            return Task.CompletedTask;
        });
        var client = Start(call => call.Method == "open"
            ? JsonRpcFilterDecision.Allow
            : JsonRpcFilterDecision.Reject(JsonRpcErrorCodes.ServerNotInitialized, "not yet"));
        await client.SendAsync(Notification("note"));
        await client.SendAsync(Request(1, "closed"));
        Assert.Equal(JsonRpcErrorCodes.ServerNotInitialized, RawProtocolClient.ErrorCode(await client.ReceiveResponseAsync(1)));
        await client.SendAsync(Request(2, "open"));
        Assert.Equal("yes", (await client.ReceiveResponseAsync(2)).GetProperty("result").GetString());
        Assert.False(notified);
    }

    [Fact]
    public async Task The_end_of_the_input_ends_the_run_after_queued_messages()
    {
        var handled = 0;
        _handlers.OnNotification<NoParams>("note", (_, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });
        var client = Start();
        await client.SendAsync(Notification("note"));
        await client.SendAsync(Notification("note"));
        _pipes.CloseServerInput();
        Assert.Equal(JsonRpcEndReason.EndOfStream, await _run!.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, handled);
    }

    [Fact]
    public async Task Stop_ends_the_run()
    {
        Start();
        _server!.Stop();
        Assert.Equal(JsonRpcEndReason.Stopped, await _run!.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Registering_a_method_twice_or_a_class_without_a_handler_interface_fails()
    {
        _handlers.OnRequest<NoParams, string>("m", (_, _) => Task.FromResult(""));
        var twice = Assert.Throws<InvalidOperationException>(() => _handlers.OnRequest<NoParams, string>("m", (_, _) => Task.FromResult("")));
        Assert.Contains("'m' already has a handler", twice.Message);
        var notHandler = Assert.Throws<InvalidOperationException>(() => _handlers.Add("x", new object()));
        Assert.Contains("must implement exactly one", notHandler.Message);
        var unnamed = Assert.Throws<InvalidOperationException>(() => _handlers.Add(new UnnamedHandler()));
        Assert.Contains("no [Method", unnamed.Message);
    }

    [Fact]
    public async Task Handler_classes_are_registered_by_their_method_attribute()
    {
        _handlers.Add(new ShoutHandler());
        var client = Start();
        await client.SendAsync(Request(1, "test/shout", """{"text":"hey"}"""));
        Assert.Equal("HEY", (await client.ReceiveResponseAsync(1)).GetProperty("result").GetString());
    }

    [Method("test/shout")]
    private sealed class ShoutHandler : IJsonRpcRequestHandler<EchoParams, string>
    {
        public Task<string> Handle(EchoParams request, CancellationToken cancellationToken) =>
            Task.FromResult(request.Text.ToUpperInvariant());
    }

    private sealed class UnnamedHandler : IJsonRpcNotificationHandler<NoParams>
    {
        public Task Handle(NoParams notification, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
