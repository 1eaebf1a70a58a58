using System.Text;
using System.Text.Json;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;

namespace Rules.LanguageServer.Tests;

public class MessageFormatterTests
{
    private readonly JsonRpcMessageFormatter _formatter = new(LspJson.Options);

    private JsonRpcParseResult Parse(string json) => _formatter.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parses_requests_notifications_and_responses()
    {
        var request = Assert.IsType<JsonRpcRequest>(Parse("""{"jsonrpc":"2.0","id":7,"method":"m","params":{"x":1}}""").Message);
        Assert.Equal(new RequestId(7), request.Id);
        Assert.Equal("m", request.Method);
        Assert.Equal(1, request.Params!.Value.GetProperty("x").GetInt32());

        var stringId = Assert.IsType<JsonRpcRequest>(Parse("""{"jsonrpc":"2.0","id":"a-1","method":"m"}""").Message);
        Assert.Equal(new RequestId("a-1"), stringId.Id);
        Assert.Null(stringId.Params);

        var notification = Assert.IsType<JsonRpcNotification>(Parse("""{"jsonrpc":"2.0","method":"n","params":[1]}""").Message);
        Assert.Equal("n", notification.Method);

        var result = Assert.IsType<JsonRpcResponse>(Parse("""{"jsonrpc":"2.0","id":3,"result":null}""").Message);
        Assert.Equal(JsonValueKind.Null, result.Result!.Value.ValueKind);

        var error = Assert.IsType<JsonRpcResponse>(Parse("""{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no"}}""").Message);
        Assert.Equal(new ResponseError(JsonRpcErrorCodes.MethodNotFound, "no"), error.Error);
    }

    [Theory]
    [InlineData("{not json", JsonRpcErrorCodes.ParseError, null)]
    [InlineData("", JsonRpcErrorCodes.ParseError, null)]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"method\":\"m\"}]", JsonRpcErrorCodes.InvalidRequest, null)]
    [InlineData("42", JsonRpcErrorCodes.InvalidRequest, null)]
    [InlineData("{\"id\":1,\"method\":\"m\"}", JsonRpcErrorCodes.InvalidRequest, 1)]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"m\"}", JsonRpcErrorCodes.InvalidRequest, 1)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"m\"}", JsonRpcErrorCodes.InvalidRequest, null)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"m\"}", JsonRpcErrorCodes.InvalidRequest, null)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":5}", JsonRpcErrorCodes.InvalidRequest, 2)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"m\",\"params\":\"x\"}", JsonRpcErrorCodes.InvalidRequest, 2)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"m\"}", JsonRpcErrorCodes.InvalidRequest, null)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":4}", JsonRpcErrorCodes.InvalidRequest, 4)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":1,\"error\":{\"code\":1,\"message\":\"x\"}}", JsonRpcErrorCodes.InvalidRequest, 4)]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":\"bad\"}", JsonRpcErrorCodes.InvalidRequest, 4)]
    public void Malformed_messages_give_an_error_to_answer(string json, int code, int? id)
    {
        var result = Parse(json);
        Assert.Null(result.Message);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(id is { } n ? new RequestId(n) : (RequestId?)null, result.Id);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public void Formats_messages_in_camel_case_without_null_members_but_with_a_null_result()
    {
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"result":null}""", Encoding.UTF8.GetString(_formatter.FormatResult(1, null)));
        Assert.Equal("""{"jsonrpc":"2.0","id":"x","result":{"line":1,"character":2}}""",
            Encoding.UTF8.GetString(_formatter.FormatResult("x", new Position(1, 2))));
        Assert.Equal("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}""",
            Encoding.UTF8.GetString(_formatter.FormatError(null, new ResponseError(JsonRpcErrorCodes.ParseError, "bad"))));
        Assert.Equal("""{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3,"message":"hi"}}""",
            Encoding.UTF8.GetString(_formatter.FormatNotification(LspMethods.LogMessage, new LogMessageParams(MessageType.Info, "hi"))));
        Assert.Equal("""{"jsonrpc":"2.0","id":5,"method":"shutdown"}""",
            Encoding.UTF8.GetString(_formatter.FormatRequest(5, LspMethods.Shutdown, null)));
    }
}
