using System.Text;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests;

/// <summary>Whatever arrives, the server answers what it can and keeps serving.</summary>
public class RobustnessTests
{
    private static async Task<(Task<int> Run, RawProtocolClient Client, InMemoryDuplex Pipes)> StartAsync()
    {
        var pipes = new InMemoryDuplex();
        var run = Task.Run(() => LanguageServerProgram.RunAsync(pipes.ServerInput, pipes.ServerOutput, TextWriter.Null));
        var client = new RawProtocolClient(pipes.ClientOutput, pipes.ClientInput);
        await client.SendAsync("""{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"capabilities":{}}}""");
        await client.ReceiveResponseAsync("init");
        return (run, client, pipes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_bytes_do_not_stop_the_server(int seed)
    {
        var (run, client, pipes) = await StartAsync();
        var random = new Random(seed);
        var garbage = new byte[4096];
        random.NextBytes(garbage);
        await client.SendRawAsync(Encoding.Latin1.GetString(garbage));
        await client.SendRawAsync("\r\n\r\n");
        await client.SendAsync("""{"jsonrpc":"2.0","id":"after","method":"shutdown"}""");
        var response = await client.ReceiveResponseAsync("after");
        Assert.True(response.TryGetProperty("result", out _));

        await client.SendAsync("""{"jsonrpc":"2.0","method":"exit"}""");
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        pipes.CloseServerInput();
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"textDocument/didOpen","params":{"textDocument":{}}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":5},"contentChanges":"x"}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":[1,2,3]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"processId":"abc"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":3,"result":{"unexpected":true}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":{"nested":1}}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"loud"}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"rules":{"maxNumberOfProblems":"many"}}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":4,"method":"exit"}""")]
    [InlineData("null")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///a\",\"languageId\":\"rules\",\"version\":1,\"text\":\"\\ud800 lone surrogate\"}}}")]
    public async Task Odd_messages_are_answered_or_logged_and_the_server_goes_on(string message)
    {
        var (run, client, pipes) = await StartAsync();
        await client.SendAsync(message);
        await client.SendAsync("""{"jsonrpc":"2.0","id":"probe","method":"shutdown"}""");
        var response = await client.ReceiveResponseAsync("probe");
        Assert.True(response.TryGetProperty("result", out _), response.GetRawText());
        await client.SendAsync("""{"jsonrpc":"2.0","method":"exit"}""");
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        pipes.CloseServerInput();
    }

    [Fact]
    public async Task A_bad_initialize_gets_InvalidParams_and_a_good_one_may_follow()
    {
        var pipes = new InMemoryDuplex();
        var run = Task.Run(() => LanguageServerProgram.RunAsync(pipes.ServerInput, pipes.ServerOutput, TextWriter.Null));
        var client = new RawProtocolClient(pipes.ClientOutput, pipes.ClientInput);
        await client.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":"abc"}}""");
        var bad = await client.ReceiveResponseAsync(1);
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, RawProtocolClient.ErrorCode(bad));
        Assert.Contains("processId", RawProtocolClient.ErrorMessage(bad));

        await client.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"processId":null,"capabilities":{}}}""");
        Assert.True((await client.ReceiveResponseAsync(2)).TryGetProperty("result", out _));
        pipes.CloseServerInput();
        Assert.Equal(1, await run.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
